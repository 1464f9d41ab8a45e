package org.gatehouse.tickets;

/** What the handling task's form shows besides the subject: the conversation, and the requester (C2). */
public record HandlingForm(String conversation, String requester) {
}
