package org.gatehouse.tickets;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A ticket as the API shows it: its status, SLA due times and breaches, and the conversation the viewer may see.
 * Experts also see the internal notes, the requester's permitted attributes (C2), the collaborators and the history.
 */
public record TicketView(long id, String reference, String subject, String category, String channel, String status,
        String requester, String requesterName, Map<String, String> requesterProfile, String team, String assignee,
        LocalDateTime createdAt, Sla sla, LocalDateTime resolvedAt, LocalDateTime closedAt, List<Message> messages,
        List<String> collaborators, List<Event> history) {

    public record Sla(LocalDateTime firstResponseDue, LocalDateTime firstRespondedAt, LocalDateTime firstResponseBreachedAt,
            LocalDateTime resolutionDue, LocalDateTime resolutionBreachedAt, boolean paused) {
    }

    public record Message(long id, String kind, String author, String authorName, String body, String via,
            LocalDateTime at) {

        static Message of(TicketMessage m) {
            return new Message(m.id(), m.kind().name(), m.author(), m.authorName(), m.body(), m.via(), m.createdAt());
        }
    }

    public record Event(String kind, String actor, String detail, LocalDateTime at) {
    }

    /** A message that left for one recipient, through {@code channel}. */
    public record Delivery(long messageId, String channel, String recipient, LocalDateTime at) {
    }

    public record Summary(long id, String reference, String subject, String status, String team, String assignee,
            String requester, LocalDateTime createdAt, LocalDateTime firstResponseDue, LocalDateTime resolutionDue,
            boolean breached) {

        static Summary of(Ticket t) {
            return new Summary(t.id(), t.reference(), t.subject(), t.status().name(), t.team(), t.assignee(),
                    t.requesterAddress(), t.createdAt(), t.firstResponseDue(), t.resolutionDue(),
                    t.firstResponseBreachedAt() != null || t.resolutionBreachedAt() != null);
        }
    }

    static TicketView of(Ticket t, List<Message> messages, Map<String, String> requesterProfile,
            List<String> collaborators, List<Event> history) {
        return new TicketView(t.id(), t.reference(), t.subject(), t.category(), t.channel().name(), t.status().name(),
                t.requesterAddress(), t.requesterName(), requesterProfile, t.team(), t.assignee(), t.createdAt(),
                new Sla(t.firstResponseDue(), t.firstRespondedAt(), t.firstResponseBreachedAt(), t.resolutionDue(),
                        t.resolutionBreachedAt(), t.slaPausedAt() != null),
                t.resolvedAt(), t.closedAt(), messages, collaborators, history);
    }
}
