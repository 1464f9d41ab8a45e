package org.gatehouse.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A feature that keeps a change log: tables whose rows record what happened to its records (events, messages sent,
 * import reports), which Gatehouse keeps as long as the engine keeps history and then purges
 * ({@link ChangeLogPurge}). The records themselves (requests, tickets, approvals) are not a change log.
 */
public interface ChangeLog {

    /** The tables of this feature's change log. */
    List<Table> changeLogTables();

    /**
     * One table, as SQL names (code, never input: they go into SQL as they are). Its rows have the primary key
     * {@code id}.
     *
     * @param name      the table
     * @param writtenAt the column that says when a row was written (UTC); a row goes once this is older than the
     *                  retention, a row without it stays
     * @param onlyIf    null, or an SQL condition a row must meet as well to go: the row is {@code logged}, the
     *                  retention's cutoff {@code :cutoff}
     * @param belonging the tables whose rows belong to a row of this one, each with its column that holds the row's
     *                  id: they go with it
     */
    record Table(String name, String writtenAt, String onlyIf, Map<String, String> belonging) {

        public static Table of(String name, String writtenAt) {
            return new Table(name, writtenAt, null, Map.of());
        }

        public Table onlyIf(String condition) {
            return new Table(name, writtenAt, condition, belonging);
        }

        public Table with(String table, String column) {
            Map<String, String> all = new LinkedHashMap<>(belonging);
            all.put(table, column);
            return new Table(name, writtenAt, onlyIf, all);
        }
    }
}
