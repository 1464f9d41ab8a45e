package org.gatehouse.platform;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The table of a flow's records asked of one person by a single-use link (an approval, an expert's invitation): what
 * every such table does by the columns they share ({@code id}, {@code token_hash}, {@code status},
 * {@code token_used_at}, {@code process_instance_id}, {@code updated_at}), and the table of its reminders,
 * {@code <table>_reminder} ({@code record_id}, {@code reminded_at}: a row each, never overwritten). The flow's own
 * repository extends it with its own columns, insert and transition.
 */
public abstract class SingleUseLinkTable<T extends SingleUseLink.WithStatus<?>> {

    protected final JdbcClient jdbc;
    private final String table;
    private final String columns;
    private final Class<T> type;

    /**
     * {@code columns}, the select list that maps a row onto {@code type} (with {@link #lastReminder} for its
     * {@code remindedAt}); {@code table}, a constant name.
     */
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

    /**
     * The select list's expression for the last reminder of a row of {@code table}, as {@code reminded_at}: the record
     * as it stands, while its reminders keep every one.
     */
    protected static String lastReminder(String table) {
        return "(select max(reminder.reminded_at) from " + table + "_reminder reminder where reminder.record_id = " + table
                + ".id) as reminded_at";
    }

    /**
     * Reminds the person asked while the record waits for their answer, and notes when, beside the reminders before;
     * nothing once it is answered.
     */
    public void remindIfPending(T record, Runnable remind, LocalDateTime now) {
        if (record.pending()) {
            remind.run();
            jdbc.sql("insert into " + table + "_reminder (record_id, reminded_at) values (?, ?)").params(record.id(), now)
                    .update();
            jdbc.sql("update " + table + " set updated_at = ? where id = ?").params(now, record.id()).update();
        }
    }

    /** When the record's person was reminded, oldest first. */
    public List<LocalDateTime> reminders(String id) {
        return jdbc.sql("select reminded_at from " + table + "_reminder where record_id = ? order by reminded_at, id")
                .param(id).query(LocalDateTime.class).list();
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
