package org.gatehouse.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A large history made fast, for PostgreSQL: the rows that a few access requests run end to end left in the engine's
 * history and in Gatehouse's tables, copied many times over by set-based SQL ({@code INSERT … SELECT} over
 * {@code generate_series}), each copy {@code n} with ids of its own and its moments moved {@code n} steps back in time.
 * An id becomes {@code md5(id || '#' || n)} as a UUID, the same function wherever the id appears, so that every copy
 * hangs together as the original did (its instances, their called instances and senders, its steps, tasks,
 * decisions, log entries; its request, events, invitation, channel and messages) and the copies of one original never
 * meet. Unique names get {@code -n}. The engine's definitions, users, groups and byte arrays are shared. The
 * tables' indexes are the same afterwards, and their statistics fresh ({@code ANALYZE}), as a database that grew to
 * that size would have them.
 */
final class HistoryCopies {

    /** How far back each copy moves: copy {@code n} lies {@code n} steps before its original. */
    static final String STEP = "interval '5 minutes'";

    /** The engine's history tables a trail reads, and those beside them that a real history fills as much. */
    private static final List<String> ENGINE_TABLES = List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
            "act_hi_identitylink", "act_hi_op_log", "act_hi_decinst", "act_hi_dec_in", "act_hi_dec_out",
            "act_hi_job_log", "act_hi_incident", "act_hi_varinst", "act_hi_detail");
    /** The engine's columns that hold ids of history rows (not of definitions, users, tenants or byte arrays). */
    private static final Pattern ENGINE_IDS = Pattern.compile(
            "id_|business_key_|.*(proc_inst|process_instance|execution|act_inst|task|job|operation|dec_inst|var_inst|incident)_id_");
    /** Gatehouse's columns that hold ids of the rows copied. */
    private static final Set<String> OWN_IDS = Set.of("id", "request_id", "channel_id", "process_instance_id",
            "source_process_instance_id");

    private final JdbcClient jdbc;

    HistoryCopies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What was copied: rows by table, and the seconds their inserts took. */
    record Copied(Map<String, Long> rows, Map<String, Long> nanos) {

        long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }

        /** {@code table rows (seconds s)}, table after table. */
        String byTable() {
            return rows.keySet().stream().map(table -> table + " " + rows.get(table) + " (" + nanos.get(table) / 1_000_000_000
                    + " s)").collect(Collectors.joining(", "));
        }
    }

    /**
     * Copies the access requests {@code requestIds} (finished, with every instance they ran) {@code copies} times:
     * copies {@code 1…copies} of each, a batch of copies per statement.
     */
    Copied copy(List<String> requestIds, int copies, int batch) {
        String requests = in(requestIds);
        List<String> roots = jdbc.sql("select id_ from act_hi_procinst where business_key_ in " + requests
                + " and super_process_instance_id_ is null").query(String.class).list();
        List<String> instances = new ArrayList<>(jdbc.sql("select id_ from act_hi_procinst where root_proc_inst_id_ in "
                + in(roots)).query(String.class).list());
        // the notification instances that sent the messages their steps wrote
        instances.addAll(jdbc.sql("select process_instance_id from notification where process_instance_id is not null "
                + "and source_process_instance_id in " + in(instances)).query(String.class).list());
        String all = in(instances);
        String channels = "(select channel_id from access_request where id in " + requests + ")";

        Map<String, String> where = new LinkedHashMap<>();
        for (String table : ENGINE_TABLES) {
            where.put(table, switch (table) {
                case "act_hi_procinst" -> "id_ in " + all;
                case "act_hi_job_log" -> "process_instance_id_ in " + all;
                case "act_hi_identitylink" -> "root_proc_inst_id_ in " + all;
                case "act_hi_dec_in", "act_hi_dec_out" ->
                        "dec_inst_id_ in (select id_ from act_hi_decinst where proc_inst_id_ in " + all + ")";
                default -> "proc_inst_id_ in " + all;
            });
        }
        where.put("channel", "id in " + channels);
        where.put("channel_member", "channel_id in " + channels);
        where.put("access_request", "id in " + requests);
        where.put("access_request_event", "request_id in " + requests);
        where.put("invitation", "request_id in " + requests);
        where.put("notification", "source_process_instance_id in " + all);

        // the tables' own indexes (not their keys) are built again once the copies are in: one sorted build of each
        // instead of millions of inserts at random places, the same indexes in the end
        List<String> indexes = new ArrayList<>();
        for (String table : where.keySet()) {
            jdbc.sql("select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = ? "
                    + "and indexname not in (select conname from pg_constraint)").param(table)
                    .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2))).list().forEach(index -> {
                        jdbc.sql("drop index " + index.getKey()).update();
                        indexes.add(index.getValue());
                    });
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Long> nanos = new LinkedHashMap<>();
        for (int from = 1; from <= copies; from += batch) {
            int to = Math.min(copies, from + batch - 1);
            for (Map.Entry<String, String> table : where.entrySet()) {
                long start = System.nanoTime();
                rows.merge(table.getKey(), (long) insert(table.getKey(), table.getValue(), from, to), Long::sum);
                nanos.merge(table.getKey(), System.nanoTime() - start, Long::sum);
            }
        }
        indexes.forEach(index -> jdbc.sql(index).update());
        where.keySet().forEach(table -> jdbc.sql("analyze " + table).update());
        return new Copied(rows, nanos);
    }

    /** One statement: the rows {@code where} selects, as copies {@code from…to}. */
    private int insert(String table, String where, int from, int to) {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        boolean engine = ENGINE_TABLES.contains(table);
        for (Map<String, Object> column : jdbc.sql("select column_name, data_type, is_identity from "
                + "information_schema.columns where table_schema = current_schema() and table_name = ? "
                + "order by ordinal_position").param(table).query().listOfRows()) {
            String name = (String) column.get("column_name");
            if ("YES".equals(column.get("is_identity"))) {
                continue;
            }
            columns.add(name);
            values.add(value(table, name, (String) column.get("data_type"), engine));
        }
        return jdbc.sql("insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", values)
                + " from " + table + " t, generate_series(" + from + ", " + to + ") n where " + where).update();
    }

    private static String value(String table, String column, String type, boolean engine) {
        String value = "t." + column;
        if (engine ? ENGINE_IDS.matcher(column).matches() : OWN_IDS.contains(column)) {
            return "md5(" + value + " || '#' || n)::uuid::text";
        }
        if (type.startsWith("timestamp")) {
            return value + " - n * " + STEP;
        }
        return switch (table + "." + column) {
            // unique in their workspace, and the request names its channel
            case "channel.name", "access_request.channel_name" -> value + " || '-' || n";
            case "invitation.token_hash" -> "md5(" + value + " || '#' || n)";
            default -> value;
        };
    }

    private static String in(List<String> ids) {
        return ids.stream().map(id -> "'" + id.replace("'", "''") + "'").collect(Collectors.joining(", ", "(", ")"));
    }
}
