package org.gatehouse.platform;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * A record behind a link that works without an account, once and until it expires (the partner's invitation, an
 * expert's invitation, an approval): what {@link #open} checks before the link may be answered.
 */
public interface SingleUseLink {

    LocalDateTime tokenUsedAt();

    LocalDateTime expiresAt();

    /** Whether the record still waits for the answer its link gives. */
    boolean pending();

    /** What the holder of the link is told once the record waits no more, after "This <noun> ". */
    String closedReason();

    /**
     * The status of a record asked of one person by a link: {@code PENDING} until the answer or the expiry, each an end
     * that nothing leaves. Implemented by the flow's own enum, which keeps its own words for the ends.
     */
    interface AnswerStatus<S extends Enum<S> & AnswerStatus<S>> {

        String PENDING = "PENDING";

        String name();

        /** The lifecycle table: a pending record may become any end; an end never moves. */
        default boolean mayBecome(S next) {
            return name().equals(PENDING) && !next.name().equals(PENDING);
        }
    }

    /**
     * A record asked of one person, bound to the process instance that registered it, whose status is {@code PENDING}
     * while it waits for the answer its link gives.
     */
    interface WithStatus<S extends Enum<S> & AnswerStatus<S>> extends SingleUseLink {

        String id();

        String processInstanceId();

        S status();

        /** How a refused step names the record ("Approval"). */
        String recordName();

        @Override
        default boolean pending() {
            return status().name().equals(AnswerStatus.PENDING);
        }

        @Override
        default String closedReason() {
            return "is " + status().name().toLowerCase(Locale.ROOT) + ": the link no longer works";
        }

        /** Refuses a step that only a pending record takes; {@code why} ends the reason ("there is nothing to ask"). */
        default void requirePending(String why) {
            if (!pending()) {
                throw RefusedStepException.precondition(recordName(), id(), "it is " + status() + ": " + why);
            }
        }

        default void requireMayBecome(S next) {
            if (!status().mayBecome(next)) {
                throw RefusedStepException.transition(recordName(), id(), status(), next);
            }
        }
    }

    /**
     * The record behind a link that still works: a made-up token is 404; a spent link, a closed record or an expired
     * one is 409. {@code noun} names the kind of link to the person who holds it ("invitation", "approval").
     */
    static <T extends SingleUseLink> T open(Optional<T> found, String noun, LocalDateTime now) {
        T record = found.orElseThrow(() -> new NotFoundException("This " + noun + " link is not valid"));
        if (record.tokenUsedAt() != null) {
            throw alreadyUsed(noun);
        }
        if (!record.pending()) {
            throw new ConflictException("token", "This " + noun + " " + record.closedReason());
        }
        if (!now.isBefore(record.expiresAt())) {
            throw new ConflictException("token", "This " + noun + " link has expired");
        }
        return record;
    }

    /** A second use of a link, also when it races the first one to the conditional update. */
    static ConflictException alreadyUsed(String noun) {
        return new ConflictException("token", "This " + noun + " link has already been used");
    }
}
