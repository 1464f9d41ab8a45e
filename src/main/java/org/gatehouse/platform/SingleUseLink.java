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

    /** A record whose status is {@code PENDING} while it waits for the answer its link gives. */
    interface WithStatus extends SingleUseLink {

        Enum<?> status();

        @Override
        default boolean pending() {
            return status().name().equals("PENDING");
        }

        @Override
        default String closedReason() {
            return "is " + status().name().toLowerCase(Locale.ROOT) + ": the link no longer works";
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
