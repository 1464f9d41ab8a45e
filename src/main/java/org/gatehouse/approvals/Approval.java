package org.gatehouse.approvals;

import java.time.LocalDateTime;

import org.gatehouse.platform.SingleUseLink;

/**
 * One approval asked of an employee: the domain record of one {@code approval} instance, whose business key is
 * {@code id}, and which it belongs to ({@code processInstanceId}). The link's token is never stored, only its hash.
 */
public record Approval(
        String id,
        String approver,
        String requestedBy,
        String subject,
        String details,
        String subjectRef,
        Status status,
        LocalDateTime expiresAt,
        LocalDateTime tokenUsedAt,
        LocalDateTime remindedAt,
        LocalDateTime answeredAt,
        String answeredBy,
        Via answeredVia,
        String comment,
        String processInstanceId,
        LocalDateTime createdAt) implements SingleUseLink.WithStatus<Approval.Status> {

    /** The approver's answer is recorded: APPROVED or REJECTED. */
    boolean answered() {
        return status == Status.APPROVED || status == Status.REJECTED;
    }

    /** Where the answer came from: the Tasklist task {@code approve} or the link. */
    public enum Via { TASKLIST, LINK }

    /**
     * The lifecycle: the approver's answer (by the link, or their own task) moves a pending approval to APPROVED or
     * REJECTED; its due time passing, to EXPIRED. Nothing leaves those.
     */
    public enum Status implements SingleUseLink.AnswerStatus<Status> {
        PENDING, APPROVED, REJECTED, EXPIRED
    }

    @Override
    public String recordName() {
        return "Approval";
    }
}
