package org.gatehouse.tickets;

import java.time.LocalDateTime;

/**
 * An employee's request (C1-C4): the domain record of one {@code ticket-lifecycle} instance, whose business key is
 * the id. It remembers the channel it came from and answers through it. Times are UTC.
 */
public record Ticket(
        long id,
        String subject,
        String category,
        ContactChannel channel,
        String requesterId,
        String requesterAddress,
        String requesterName,
        String team,
        String assignee,
        Status status,
        String createdBy,
        LocalDateTime createdAt,
        LocalDateTime routedAt,
        LocalDateTime firstResponseDue,
        LocalDateTime firstResponseWarn,
        LocalDateTime firstRespondedAt,
        LocalDateTime firstResponseBreachedAt,
        LocalDateTime resolutionDue,
        LocalDateTime resolutionWarn,
        LocalDateTime resolutionBreachedAt,
        LocalDateTime slaPausedAt,
        LocalDateTime resolvedAt,
        LocalDateTime closedAt) {

    /** {@code NEW} until an expert takes it up; {@code PENDING} waits for the requester, {@code ON_HOLD} for others. */
    public enum Status { NEW, OPEN, PENDING, ON_HOLD, RESOLVED, CLOSED }

    /** How tickets are named to people: in subjects, replies and the API. */
    public String reference() {
        return reference(id);
    }

    public static String reference(long id) {
        return "T-" + id;
    }

    public String businessKey() {
        return Long.toString(id);
    }
}
