package org.gatehouse.audit;

import java.time.Clock;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the trail is itself recorded, before the answer leaves: who read which record's trail or searched with
 * what, or exported what, and when. The reads are listed by the search as kind {@code audit-read} ({@code SEARCH},
 * {@code EXPORT} or {@code READ}); a record's trail stays the record's.
 */
@Component
class AuditReads {

    /** The path of the search, as the reads record it. */
    static final String SEARCH = "/api/audit";
    /** The path of the export, as the reads record it. */
    static final String EXPORT = SEARCH + "/export";
    private static final int MAX_PATH = 200;
    private static final int MAX_QUERY = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditReads(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void record(String reader, String path, String query) {
        jdbc.sql("insert into audit_read (at, reader, path, query) values (?, ?, ?, ?)")
                .params(LocalDateTime.now(clock), reader, clip(path, MAX_PATH), clip(query, MAX_QUERY)).update();
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
