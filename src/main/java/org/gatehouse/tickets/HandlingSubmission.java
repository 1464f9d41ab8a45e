package org.gatehouse.tickets;

/**
 * What an expert sends when they complete the handling task, in Tasklist's form or over the API: the decision
 * ({@code ticketAction}), and what comes with it. A blank field counts as not filled in: a form sends its empty fields.
 */
record HandlingSubmission(String action, String reply, String note, String collaborator, String transferTo) {

    HandlingSubmission {
        reply = filled(reply);
        note = filled(note);
        collaborator = filled(collaborator);
        transferTo = filled(transferTo);
    }

    /** Nothing besides the decision. */
    boolean isEmpty() {
        return reply == null && note == null && collaborator == null && transferTo == null;
    }

    private static String filled(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
