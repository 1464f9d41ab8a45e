package org.gatehouse.platform;

import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The table of a flow's records asked of one person by a single-use link (an approval, an expert's invitation): what
 * every such table does by the columns they share ({@code id}, {@code token_hash}, {@code status},
 * {@code token_used_at}, {@code reminded_at}, {@code process_instance_id}, {@code updated_at}). The flow's own
 * repository extends it with its own columns, insert and transition.
 */
public abstract class SingleUseLinkTable<T extends SingleUseLink.WithStatus<?>> {

    protected final JdbcClient jdbc;
    private final String table;
    private final String columns;
    private final Class<T> type;

    /** {@code columns}, the select list that maps a row onto {@code type}; {@code table}, a constant name. */
    protected SingleUseLinkTable(JdbcClient jdbc, String table, String columns, Class<T> type) {
        this.jdbc = jdbc;
        this.table = table;
        this.columns = columns;
        this.type = type;
    }

    public Optional<T> find(String id) {
        return jdbc.sql("select " + columns + " from " + table + " where id = ?").param(id).query(type).optional();
    }

    public Optional<T> findByTokenHash(String tokenHash) {
        return jdbc.sql("select " + columns + " from " + table + " where token_hash = ?").param(tokenHash).query(type)
                .optional();
    }

    /** Spends the link, once: false when it was spent already or the record is no longer pending. */
    public boolean useToken(String id, LocalDateTime now) {
        return jdbc.sql("update " + table + " set token_used_at = ?, updated_at = ? "
                        + "where id = ? and token_used_at is null and status = 'PENDING'")
                .params(now, now, id).update() > 0;
    }

    /** Reminds the person asked while the record waits for their answer, and notes when; nothing once it is answered. */
    public void remindIfPending(T record, Runnable remind, LocalDateTime now) {
        if (record.pending()) {
            remind.run();
            jdbc.sql("update " + table + " set reminded_at = ?, updated_at = ? where id = ?").params(now, now, record.id())
                    .update();
        }
    }

    /**
     * {@code record}, for a step of {@code processInstanceId}: refused unless it belongs to that instance. A record
     * made before records named their instance is bound to the first instance that acts on it.
     */
    public T owned(T record, String processInstanceId) {
        RefusedStepException.requireOwner(record.recordName(), record.id(), record.processInstanceId(), processInstanceId,
                () -> jdbc.sql("update " + table + " set process_instance_id = ? where id = ? and process_instance_id is null")
                        .params(processInstanceId, record.id()).update() > 0);
        return record;
    }
}
