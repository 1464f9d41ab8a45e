package org.gatehouse.platform;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * A record behind a link that works without an account, once and until it expires (an expert's invitation, an
 * approval): what {@link #open} checks before the link may be answered.
 */
public interface SingleUseLink {

    LocalDateTime tokenUsedAt();

    LocalDateTime expiresAt();

    /** The record's status: {@code PENDING} while it waits for the answer the link gives. */
    Enum<?> status();

    default boolean pending() {
        return status().name().equals("PENDING");
    }

    /** The record's status in words ("declined", "expired"), for the refusal. */
    default String statusName() {
        return status().name().toLowerCase(Locale.ROOT);
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
            throw new ConflictException("token", "This " + noun + " is " + record.statusName() + ": the link no longer works");
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
