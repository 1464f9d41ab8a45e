package org.gatehouse.access;

import java.time.LocalDateTime;

import org.gatehouse.platform.SingleUseLink;

/** The partner's invitation (A5): withdrawn ({@code revokedAt}) when a newer one replaces it or the request ends. */
public record Invitation(String id, String requestId, LocalDateTime expiresAt, LocalDateTime tokenUsedAt,
        LocalDateTime revokedAt) implements SingleUseLink {

    @Override
    public boolean pending() {
        return revokedAt == null;
    }

    @Override
    public String closedReason() {
        return "link has been withdrawn";
    }

    boolean open(LocalDateTime now) {
        return tokenUsedAt == null && pending() && now.isBefore(expiresAt);
    }
}
