package org.gatehouse.directory;

import java.time.LocalDateTime;

import org.gatehouse.platform.SingleUseLink;

/**
 * An invitation to become an expert (C6, C7): the domain record of one {@code expert-onboarding} instance, whose
 * business key is {@code id}. The link's token is never stored, only its hash.
 */
public record ExpertInvitation(
        String id,
        String personId,
        String invitedBy,
        Status status,
        LocalDateTime expiresAt,
        LocalDateTime tokenUsedAt,
        LocalDateTime remindedAt,
        LocalDateTime answeredAt,
        String declineReason,
        LocalDateTime createdAt) implements SingleUseLink {

    public enum Status { PENDING, ACCEPTED, DECLINED, EXPIRED }

    /** How the invitee answered: through the link (it is then spent) or in Tasklist. */
    public String answeredVia() {
        if (answeredAt == null) {
            return null;
        }
        return tokenUsedAt != null ? "LINK" : "TASKLIST";
    }
}
