package org.gatehouse.approvals;

import java.time.LocalDateTime;

import org.gatehouse.platform.SingleUseLinkTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApprovalRepository extends SingleUseLinkTable<Approval> {

    private static final String COLUMNS = "id, approver, requested_by, subject, details, subject_ref, status, expires_at, "
            + "token_used_at, " + lastReminder("approval") + ", answered_at, answered_by, answered_via, "
            + "answer_comment as comment, process_instance_id, created_at";

    ApprovalRepository(JdbcClient jdbc) {
        super(jdbc, "approval", COLUMNS, Approval.class);
    }

    void insert(String id, String approver, String requestedBy, String subject, String details, String subjectRef,
            String tokenHash, LocalDateTime expiresAt, String processInstanceId, LocalDateTime now) {
        jdbc.sql("insert into approval (id, approver, requested_by, subject, details, subject_ref, status, token_hash, "
                        + "expires_at, process_instance_id, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?)")
                .params(id, approver, requestedBy, subject, details, subjectRef, tokenHash, expiresAt, processInstanceId,
                        now, now)
                .update();
    }

    /** The guarded transition: moves the approval only from {@code from}; false when it stood elsewhere. */
    boolean transition(String id, Approval.Status from, Approval.Status to, String answeredBy, Approval.Via via,
            String comment, LocalDateTime answeredAt, LocalDateTime now) {
        return jdbc.sql("update approval set status = ?, answered_by = ?, answered_via = ?, answer_comment = ?, "
                        + "answered_at = ?, updated_at = ? where id = ? and status = ?")
                .params(to.name(), answeredBy, via == null ? null : via.name(), comment, answeredAt, now, id, from.name())
                .update() > 0;
    }
}
