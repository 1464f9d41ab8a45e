package org.gatehouse.access;

import java.time.LocalDateTime;

public record Invitation(String id, String requestId, LocalDateTime expiresAt, LocalDateTime usedAt, LocalDateTime revokedAt) {

    boolean open(LocalDateTime now) {
        return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }
}
