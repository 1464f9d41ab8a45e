package org.gatehouse.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * The links that work without an account (the partner's invitation, an expert's invitation, an approval): their
 * token is an HMAC of the record's id under {@link LinkSettings#secret()}, kept out of the database, so a link can be
 * rebuilt from the id; only its SHA-256 hash is stored, so a copy of the database yields no working link. The
 * {@link LinkKind#purpose() purpose} keeps one kind of link from ever opening another.
 */
@Component
public class SingleUseLinks {

    /** A shorter link would expire before its holder reads it. */
    public static final Duration SHORTEST_VALIDITY = Duration.ofHours(1);
    /** A longer one would be a standing credential rather than an invitation to answer. */
    public static final Duration LONGEST_VALIDITY = Duration.ofDays(90);

    private final LinkSettings settings;
    private final Clock clock;

    SingleUseLinks(LinkSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** A link: the token it carries, the hash to store, and the URL to hand on. */
    public record Link(String token, String hash, String url) {
    }

    /** The link to the record {@code id}: the same on every call, so it is issued once and rebuilt as often as sent. */
    public Link issue(LinkKind kind, String id) {
        String token = token(settings.secret(), kind.purpose(), id);
        return new Link(token, hash(token), settings.publicBaseUrl() + kind.path() + token);
    }

    /**
     * The record behind a presented token that still works ({@link SingleUseLink#open}), found by the token's hash:
     * {@code byHash} looks it up in the flow's own table.
     */
    public <T extends SingleUseLink> T open(LinkKind kind, String token, Function<String, Optional<T>> byHash) {
        return SingleUseLink.open(byHash.apply(hash(token)), kind.noun(), LocalDateTime.now(clock));
    }

    /**
     * Spends a link with the flow's conditional update ({@code use}, given the time, is false when the link was spent
     * or closed meanwhile): of two racing uses, the second is refused.
     */
    public void spend(LinkKind kind, Predicate<LocalDateTime> use) {
        if (!use.test(LocalDateTime.now(clock))) {
            throw SingleUseLink.alreadyUsed(kind.noun());
        }
    }

    /**
     * How long a link stays open, as the process owner set it in the model's input parameter {@code input}: refused
     * outside {@link #SHORTEST_VALIDITY} and {@link #LONGEST_VALIDITY}, so a slip in Modeler (PT14M for P14D) issues
     * no link at all rather than one that expires at once or never.
     */
    public static Duration validity(String input, Duration validFor) {
        if (validFor.compareTo(SHORTEST_VALIDITY) < 0 || validFor.compareTo(LONGEST_VALIDITY) > 0) {
            throw new InvalidInputException(input, input + ", the model's input parameter, must be from "
                    + inWords(SHORTEST_VALIDITY) + " to " + inWords(LONGEST_VALIDITY) + ", not " + inWords(validFor));
        }
        return validFor;
    }

    /** As the owner thinks of it ("14 days", "12 hours"), not as Duration prints it ("PT336H"). */
    public static String inWords(Duration duration) {
        if (!duration.isZero() && duration.toSeconds() % Duration.ofDays(1).toSeconds() == 0) {
            return plural(duration.toDays(), "day");
        }
        if (duration.toSeconds() % Duration.ofHours(1).toSeconds() == 0) {
            return plural(duration.toHours(), "hour");
        }
        return duration.toString();
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (Math.abs(count) == 1 ? "" : "s");
    }

    /** The answer came through the link, but the process does not wait for it at this moment. */
    public static ConflictException notWaiting(LinkKind kind) {
        return new ConflictException("token", "The " + kind.noun() + " is not waiting for an answer right now; try "
                + "again in a moment");
    }

    public static String token(String secret, String purpose, String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal((purpose + ":" + id).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The only form in which a token is stored, and in which a presented one is looked up. */
    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
