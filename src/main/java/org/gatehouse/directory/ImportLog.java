package org.gatehouse.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of each import. Written in transactions of its own, so that progress shows while the import's data
 * waits to commit all at once, and a refused import still leaves its report.
 */
@Component
class ImportLog {

    private static final String SUMMARY = "select id, kind, source_name, started_by, started_at, finished_at, status, "
            + "total_rows, processed, created, updated, unchanged, skipped, refused from directory_import";

    private final JdbcClient jdbc;
    private final Clock clock;

    ImportLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    String start(String kind, String sourceName, String startedBy, int totalRows) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into directory_import (id, kind, source_name, started_by, started_at, status, total_rows, processed, "
                        + "created, updated, unchanged, refused) values (?, ?, ?, ?, ?, 'RUNNING', ?, 0, 0, 0, 0, 0)")
                .params(id, kind, sourceName, startedBy, LocalDateTime.now(clock), totalRows).update();
        return id;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void progress(String id, int processed) {
        jdbc.sql("update directory_import set processed = ? where id = ?").params(processed, id).update();
    }

    /** What a finished import did with its rows. */
    record Counts(int processed, int created, int updated, int unchanged, int skipped) {
        static final Counts NONE = new Counts(0, 0, 0, 0, 0);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void finish(String id, String status, Counts counts, List<ImportReport.Refusal> refusals) {
        jdbc.sql("update directory_import set status = ?, processed = ?, created = ?, updated = ?, unchanged = ?, skipped = ?, "
                        + "refused = ?, finished_at = ? where id = ?")
                .params(status, counts.processed(), counts.created(), counts.updated(), counts.unchanged(), counts.skipped(),
                        refusals.size(), LocalDateTime.now(clock), id).update();
        for (ImportReport.Refusal refusal : refusals) {
            jdbc.sql("insert into directory_import_refusal (import_id, line, reason) values (?, ?, ?)")
                    .params(id, refusal.line(), refusal.reason().length() > 1000 ? refusal.reason().substring(0, 1000)
                            : refusal.reason()).update();
        }
    }

    Optional<ImportReport> find(String id) {
        List<ImportReport.Refusal> refusals = jdbc.sql("select line, reason from directory_import_refusal where import_id = ? "
                + "order by line").param(id).query(ImportReport.Refusal.class).list();
        return jdbc.sql(SUMMARY + " where id = ?").param(id).query(ImportLog::summary).optional()
                .map(summary -> ImportReport.of(summary, refusals));
    }

    /** The imports, newest first, without their refused rows (a report has them). */
    List<ImportSummary> page(long offset, int limit) {
        return jdbc.sql(SUMMARY + " order by started_at desc, id offset ? rows fetch next ? rows only")
                .params(offset, limit).query(ImportLog::summary).list();
    }

    long count() {
        return jdbc.sql("select count(*) from directory_import").query(Long.class).single();
    }

    private static ImportSummary summary(ResultSet rs, int row) throws SQLException {
        return new ImportSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toLocalDateTime(), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toLocalDateTime(),
                rs.getString(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13),
                rs.getInt(14));
    }
}
