package org.gatehouse.experts;

import java.time.LocalDateTime;

import org.gatehouse.platform.SingleUseLink;

/**
 * An invitation to become an expert (C6, C7): the domain record of one {@code expert-onboarding} instance, whose
 * business key is {@code id}, and which it belongs to ({@code processInstanceId}). The link's token is never stored,
 * only its hash.
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
        String processInstanceId,
        LocalDateTime createdAt) implements SingleUseLink.WithStatus<ExpertInvitation.Status> {

    /** How the invitee answered: through the link (it is then spent) or in Tasklist. */
    public String answeredVia() {
        if (answeredAt == null) {
            return null;
        }
        return tokenUsedAt != null ? "LINK" : "TASKLIST";
    }

    /**
     * The lifecycle: the invitee's answer (by the link, or their own task) moves a pending invitation to ACCEPTED or
     * DECLINED; its time running out, to EXPIRED. Nothing leaves those.
     */
    public enum Status implements SingleUseLink.AnswerStatus<Status> {
        PENDING, ACCEPTED, DECLINED, EXPIRED
    }

    @Override
    public String recordName() {
        return "Expert invitation";
    }
}
