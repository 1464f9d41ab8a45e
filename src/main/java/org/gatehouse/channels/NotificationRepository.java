package org.gatehouse.channels;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NotificationRepository {

    private static final String COLUMNS = "id, created_at as at, kind, channel, recipient, person_id, subject, body as text, status";

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Notification n, String template, String sourceProcessInstanceId) {
        jdbc.sql("insert into notification (id, created_at, kind, channel, recipient, person_id, subject, body, status, "
                + "template, source_process_instance_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(n.id(), n.at(), n.kind().name(), n.channel().name(), n.recipient(), n.personId(), n.subject(),
                        n.text(), n.status().name(), template, sourceProcessInstanceId)
                .update();
    }

    List<SentMessage> writtenIn(Collection<String> processInstanceIds) {
        return jdbc.sql("select id, created_at as at, kind, channel, recipient, subject, template, status, sent_at, "
                        + "process_instance_id as sender_process_instance_id, source_process_instance_id from notification "
                        + "where source_process_instance_id in (:instances) order by seq")
                .param("instances", processInstanceIds).query(SentMessage.class).list();
    }

    Map<String, String> writers(Collection<String> ids) {
        Map<String, String> writers = new HashMap<>();
        jdbc.sql("select id, source_process_instance_id from notification where id in (:ids) "
                        + "and source_process_instance_id is not null")
                .param("ids", ids).query(rs -> {
                    writers.put(rs.getString(1), rs.getString(2));
                });
        return writers;
    }

    void bind(String id, String processInstanceId) {
        jdbc.sql("update notification set process_instance_id = ? where id = ? and process_instance_id is null")
                .params(processInstanceId, id).update();
    }

    /** The message that {@code processInstanceId} is to send; empty for any other instance. */
    Optional<Notification> ownedBy(String id, String processInstanceId) {
        return jdbc.sql("select " + COLUMNS + " from notification where id = ? and process_instance_id = ?")
                .params(id, processInstanceId).query(Notification.class).optional();
    }

    /** Records the success once: false when it was already recorded. */
    boolean markSent(String id, LocalDateTime at) {
        return jdbc.sql("update notification set status = 'SENT', sent_at = ? where id = ? and status = 'PENDING'")
                .params(at, id).update() == 1;
    }

    /** Newest first; {@code recipient} matches the address or the person's id. */
    List<Notification> latest(String recipient, int limit) {
        String where = recipient == null ? "" : " where recipient = :recipient or person_id = :recipient";
        var spec = jdbc.sql("select " + COLUMNS + " from notification" + where
                + " order by seq desc fetch first " + limit + " rows only");
        if (recipient != null) {
            spec = spec.param("recipient", recipient);
        }
        return spec.query(Notification.class).list();
    }
}
