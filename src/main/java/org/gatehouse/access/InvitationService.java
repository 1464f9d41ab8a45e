package org.gatehouse.access;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;

import org.gatehouse.platform.LinkKind;
import org.gatehouse.platform.SingleUseLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner's invitation link (A5): an unguessable, single-use, expiring token ({@link SingleUseLinks}); the
 * requester's view can rebuild the link from the invitation's id.
 */
@Service
class InvitationService {

    private static final LinkKind LINK = new LinkKind("invitation", "/invite/", "invitation");
    private static final String COLUMNS = "id, request_id, expires_at, used_at as token_used_at, revoked_at";

    private final JdbcClient jdbc;
    private final SingleUseLinks links;
    private final Clock clock;

    InvitationService(JdbcClient jdbc, SingleUseLinks links, Clock clock) {
        this.jdbc = jdbc;
        this.links = links;
        this.clock = clock;
    }

    /** A new link, valid for {@code validFor}; any open one is revoked. */
    @Transactional
    Invitation issue(String requestId, Duration validFor) {
        revokeOpen(requestId);
        var id = UUID.randomUUID().toString();
        var expiresAt = LocalDateTime.now(clock).plus(validFor);
        jdbc.sql("insert into invitation (id, request_id, token_hash, expires_at) values (?, ?, ?, ?)")
                .params(id, requestId, links.issue(LINK, id).hash(), expiresAt).update();
        return new Invitation(id, requestId, expiresAt, null, null);
    }

    Optional<String> openLink(String requestId) {
        return openInvitation(requestId).map(i -> links.issue(LINK, i.id()).url());
    }

    Optional<Invitation> openInvitation(String requestId) {
        var now = LocalDateTime.now(clock);
        return jdbc.sql("select " + COLUMNS + " from invitation where request_id = ? order by expires_at desc")
                .param(requestId).query(Invitation.class).list().stream().filter(i -> i.open(now)).findFirst();
    }

    /** The invitation behind a token that may still be used; a made-up token is 404, a spent or withdrawn one 409. */
    Invitation resolve(String token) {
        return links.open(LINK, token, hash -> jdbc.sql("select " + COLUMNS + " from invitation where token_hash = ?")
                .param(hash).query(Invitation.class).optional());
    }

    /** Spends the link; the conditional update makes a second, concurrent use fail rather than count twice. */
    @Transactional
    void use(Invitation invitation) {
        links.spend(LINK, now -> jdbc.sql("update invitation set used_at = ? where id = ? and used_at is null "
                + "and revoked_at is null").params(now, invitation.id()).update() > 0);
    }

    @Transactional
    void revokeOpen(String requestId) {
        jdbc.sql("update invitation set revoked_at = ? where request_id = ? and used_at is null and revoked_at is null")
                .params(LocalDateTime.now(clock), requestId).update();
    }
}
