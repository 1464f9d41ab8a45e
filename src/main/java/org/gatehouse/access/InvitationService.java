package org.gatehouse.access;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;

import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.LinkTokens;
import org.gatehouse.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner's invitation link (A5): an unguessable, single-use, expiring token. The token is an HMAC of the
 * invitation's id under a secret that is not in the database, and only its SHA-256 hash is stored: a copy of the
 * database does not yield a working link, while the requester's view can still rebuild the link from the id.
 */
@Service
class InvitationService {

    private static final String COLUMNS = "id, request_id, expires_at, used_at, revoked_at";

    private final JdbcClient jdbc;
    private final AccessProperties properties;
    private final Clock clock;

    InvitationService(JdbcClient jdbc, AccessProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    Invitation issue(String requestId) {
        revokeOpen(requestId);
        var id = UUID.randomUUID().toString();
        var expiresAt = LocalDateTime.now(clock).plus(properties.invitationValidity());
        jdbc.sql("insert into invitation (id, request_id, token_hash, expires_at) values (?, ?, ?, ?)")
                .params(id, requestId, LinkTokens.hash(token(id)), expiresAt).update();
        return new Invitation(id, requestId, expiresAt, null, null);
    }

    Optional<String> openLink(String requestId) {
        return openInvitation(requestId).map(i -> properties.publicBaseUrl() + "/invite/" + token(i.id()));
    }

    Optional<Invitation> openInvitation(String requestId) {
        var now = LocalDateTime.now(clock);
        return jdbc.sql("select " + COLUMNS + " from invitation where request_id = ? order by expires_at desc")
                .param(requestId).query(Invitation.class).list().stream().filter(i -> i.open(now)).findFirst();
    }

    /** The invitation behind a token that may still be used; a made-up token is 404, a spent one 409. */
    Invitation resolve(String token) {
        Invitation invitation = jdbc.sql("select " + COLUMNS + " from invitation where token_hash = ?")
                .param(LinkTokens.hash(token))
                .query(Invitation.class).optional()
                .orElseThrow(() -> new NotFoundException("This invitation link is not valid"));
        if (invitation.usedAt() != null) {
            throw new ConflictException("token", "This invitation link has already been used");
        }
        if (invitation.revokedAt() != null) {
            throw new ConflictException("token", "This invitation link has been withdrawn");
        }
        if (!invitation.open(LocalDateTime.now(clock))) {
            throw new ConflictException("token", "This invitation link has expired");
        }
        return invitation;
    }

    /** Spends the link; the conditional update makes a second, concurrent use fail rather than count twice. */
    @Transactional
    void use(Invitation invitation) {
        int updated = jdbc.sql("update invitation set used_at = ? where id = ? and used_at is null and revoked_at is null")
                .params(LocalDateTime.now(clock), invitation.id()).update();
        if (updated == 0) {
            throw new ConflictException("token", "This invitation link has already been used");
        }
    }

    @Transactional
    void revokeOpen(String requestId) {
        jdbc.sql("update invitation set revoked_at = ? where request_id = ? and used_at is null and revoked_at is null")
                .params(LocalDateTime.now(clock), requestId).update();
    }

    private String token(String invitationId) {
        return LinkTokens.token(properties.invitationSecret(), "invitation", invitationId);
    }
}
