package org.gatehouse.tickets;

import java.time.LocalDateTime;

import org.gatehouse.platform.SingleUseLink;

/**
 * One approval asked of an employee: the domain record of one {@code approval} instance, whose business key is
 * {@code id}. The link's token is never stored, only its hash.
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
        LocalDateTime createdAt) implements SingleUseLink {

    public enum Status { PENDING, APPROVED, REJECTED, EXPIRED }

    /** Where the answer came from: the Tasklist task {@code approve} or the link. */
    public enum Via { TASKLIST, LINK }
}
