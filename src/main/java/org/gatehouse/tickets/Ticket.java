package org.gatehouse.tickets;

import java.time.LocalDateTime;
import java.util.Set;

import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.RefusedStepException;

/**
 * An employee's request (C1-C4): the domain record of one {@code ticket-lifecycle} instance, whose business key is
 * the id, and which it belongs to ({@code processInstanceId}, bound by the first step of that instance). It remembers
 * the channel it came from and answers through it. Times are UTC.
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
        LocalDateTime closedAt,
        String processInstanceId) {

    static final String RECORD = "Ticket";

    /**
     * {@code NEW} until an expert takes it up; {@code PENDING} waits for the requester, {@code ON_HOLD} for an
     * approval. {@link #mayBecome} is the table of its transitions, and the other rules of the ticket's life that
     * hang on its status are named here, so no caller compares statuses itself.
     */
    public enum Status {
        NEW, OPEN, PENDING, ON_HOLD, RESOLVED, CLOSED;

        public boolean mayBecome(Status next) {
            return switch (this) {
                case NEW -> Set.of(OPEN, ON_HOLD, PENDING, RESOLVED).contains(next);
                case OPEN -> Set.of(ON_HOLD, PENDING, RESOLVED).contains(next);
                case ON_HOLD -> Set.of(OPEN, PENDING, RESOLVED).contains(next);
                case PENDING -> next == OPEN || next == CLOSED;
                case RESOLVED -> next == OPEN || next == CLOSED;
                case CLOSED -> false;
            };
        }

        /** With the experts, neither waiting for the requester nor done: the SLA clocks run. */
        public boolean inHand() {
            return this == NEW || this == OPEN || this == ON_HOLD;
        }

        /** Waiting for the requester: their answer resumes a pending ticket and reopens a resolved one. */
        public boolean waitsForRequester() {
            return this == PENDING || this == RESOLVED;
        }

        /**
         * Waiting for the requester's answer to a question: the resolution clock pauses and resumes where it stopped,
         * whereas a resolved ticket that reopens starts it again.
         */
        public boolean pausesSla() {
            return this == PENDING;
        }

        /** Waiting for an approval: another request keeps it waiting, and the answer gives it back to the experts. */
        public boolean waitsForApproval() {
            return this == ON_HOLD;
        }

        /** No expert has taken it up yet: the first who claims it or replies to it makes it OPEN. */
        public boolean notTakenUp() {
            return this == NEW;
        }

        /**
         * Everything but a closed ticket takes messages, collaborators and a new requester; after closing, the
         * requester's next message opens a new ticket.
         */
        public boolean acceptsChanges() {
            return this != CLOSED;
        }
    }

    void requireMayBecome(Status next) {
        if (!status.mayBecome(next)) {
            throw RefusedStepException.transition(RECORD, reference(), status, next);
        }
    }

    void requireNotClosed() {
        if (!status.acceptsChanges()) {
            throw new ConflictException("status", reference() + " is closed; write a new message to open a new request");
        }
    }

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
