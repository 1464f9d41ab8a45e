package org.gatehouse.approvals;

import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApprovalRepository {

    private static final String COLUMNS = "id, approver, requested_by, subject, details, subject_ref, status, expires_at, "
            + "token_used_at, reminded_at, answered_at, answered_by, answered_via, answer_comment as comment, "
            + "process_instance_id, created_at";

    private final JdbcClient jdbc;

    ApprovalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Approval> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from approval where id = ?").param(id).query(Approval.class).optional();
    }

    Optional<Approval> findByTokenHash(String tokenHash) {
        return jdbc.sql("select " + COLUMNS + " from approval where token_hash = ?").param(tokenHash)
                .query(Approval.class).optional();
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

    /** Spends the link, once: false when it was spent already or the approval is no longer pending. */
    boolean useToken(String id, LocalDateTime now) {
        return jdbc.sql("update approval set token_used_at = ?, updated_at = ? "
                        + "where id = ? and token_used_at is null and status = 'PENDING'")
                .params(now, now, id).update() > 0;
    }

    void markReminded(String id, LocalDateTime now) {
        jdbc.sql("update approval set reminded_at = ?, updated_at = ? where id = ?").params(now, now, id).update();
    }

    /** The guarded transition: moves the approval only from {@code from}; false when it stood elsewhere. */
    boolean transition(String id, Approval.Status from, Approval.Status to, String answeredBy, Approval.Via via,
            String comment, LocalDateTime answeredAt, LocalDateTime now) {
        return jdbc.sql("update approval set status = ?, answered_by = ?, answered_via = ?, answer_comment = ?, "
                        + "answered_at = ?, updated_at = ? where id = ? and status = ?")
                .params(to.name(), answeredBy, via == null ? null : via.name(), comment, answeredAt, now, id, from.name())
                .update() > 0;
    }

    /** Binds an approval made before approvals named their instance; false when another bound it first. */
    boolean bindProcessInstance(String id, String processInstanceId) {
        return jdbc.sql("update approval set process_instance_id = ? where id = ? and process_instance_id is null")
                .params(processInstanceId, id).update() > 0;
    }
}
