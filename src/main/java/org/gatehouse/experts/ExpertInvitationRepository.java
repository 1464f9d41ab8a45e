package org.gatehouse.experts;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gatehouse.platform.SingleUseLinkTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ExpertInvitationRepository extends SingleUseLinkTable<ExpertInvitation> {

    private static final String COLUMNS = "id, person_id, invited_by, status, expires_at, token_used_at, "
            + lastReminder("expert_invitation") + ", answered_at, decline_reason, process_instance_id, created_at";

    ExpertInvitationRepository(JdbcClient jdbc) {
        super(jdbc, "expert_invitation", COLUMNS, ExpertInvitation.class);
    }

    Optional<ExpertInvitation> findPending(String personId) {
        return jdbc.sql("select " + COLUMNS + " from expert_invitation where pending_for = ?").param(personId)
                .query(ExpertInvitation.class).optional();
    }

    List<ExpertInvitation> find(ExpertInvitation.Status status, String personId, int limit) {
        var sql = new StringBuilder("select " + COLUMNS + " from expert_invitation where 1 = 1");
        var params = new ArrayList<Object>();
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.name());
        }
        if (personId != null) {
            sql.append(" and person_id = ?");
            params.add(personId);
        }
        sql.append(" order by created_at desc, id fetch first ").append(limit).append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query(ExpertInvitation.class).list();
    }

    void insert(String id, String personId, String invitedBy, String tokenHash, LocalDateTime expiresAt,
            String processInstanceId, LocalDateTime now) {
        jdbc.sql("insert into expert_invitation (id, person_id, invited_by, status, pending_for, token_hash, expires_at, "
                        + "process_instance_id, created_at, updated_at) values (?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?)")
                .params(id, personId, invitedBy, personId, tokenHash, expiresAt, processInstanceId, now, now)
                .update();
    }

    /** The guarded transition: moves the invitation only from {@code from}; false when it stood elsewhere. */
    boolean transition(String id, ExpertInvitation.Status from, ExpertInvitation.Status to, String declineReason,
            LocalDateTime answeredAt, LocalDateTime now) {
        return jdbc.sql("update expert_invitation set status = ?, pending_for = null, decline_reason = ?, answered_at = ?, "
                        + "updated_at = ? where id = ? and status = ?")
                .params(to.name(), declineReason, answeredAt, now, id, from.name()).update() > 0;
    }
}
