package org.gatehouse.tickets;

/** The two targets a team sets (C8) and every ticket is measured against, in the team's business hours. */
public enum SlaClock {
    FIRST_RESPONSE, RESOLUTION;

    /**
     * Whether the clock runs on the ticket: only while the experts have it, so it pauses while the ticket waits for
     * the requester and stops once it is resolved; the first-response clock also stops at the first reply.
     */
    boolean runsOn(Ticket ticket) {
        return ticket.status().inHand() && (this == RESOLUTION || ticket.firstRespondedAt() == null);
    }
}
