package org.gatehouse.approvals;

import java.time.LocalDateTime;

/** An approval as the requester, the approver, experts and admins see it. The link is only ever sent. */
public record ApprovalView(String id, String approver, String approverName, String requestedBy, String subject,
        String details, String subjectRef, String status, LocalDateTime createdAt, LocalDateTime expiresAt,
        LocalDateTime remindedAt, LocalDateTime answeredAt, String answeredBy, String answeredVia, String comment) {

    static ApprovalView of(Approval a, String approverName) {
        return new ApprovalView(a.id(), a.approver(), approverName, a.requestedBy(), a.subject(), a.details(),
                a.subjectRef(), a.status().name(), a.createdAt(), a.expiresAt(), a.remindedAt(), a.answeredAt(),
                a.answeredBy(), a.answeredVia() == null ? null : a.answeredVia().name(), a.comment());
    }
}
