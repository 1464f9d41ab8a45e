package org.gatehouse.tickets;

import java.time.LocalDateTime;

/**
 * One message on a ticket. C11: a {@link Kind#REPLY} goes to the requester; a {@link Kind#NOTE} is seen by experts
 * and the ticket's collaborators only. {@code via} is the channel it came through, or TASKLIST.
 */
public record TicketMessage(long id, long ticketId, Kind kind, String author, String authorName, String body, String via,
        String inboundId, String externalId, LocalDateTime createdAt) {

    public enum Kind {
        /** what the requester first wrote */
        REQUEST,
        /** an expert to the requester (and the collaborators) */
        REPLY,
        /** the requester, after the first message */
        ANSWER,
        /** internal: experts and collaborators */
        NOTE;

        boolean seenByRequester() {
            return this != NOTE;
        }
    }
}
