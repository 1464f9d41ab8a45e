package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.gatehouse.HttpTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.TriggerTask;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Gatehouse's change logs follow the engine's history: rows older than the retention go, batch by batch, with what
 * belongs to them; what the retention still covers stays (newer rows, a message still to send, an import still
 * running, a configuration version that stood within the retention, each configuration's latest however old). Rows
 * are written with the dates they would have had; every row of the test names its own actor.
 */
class ChangeLogPurgeTest extends HttpTest {

    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired Clock clock;
    @Autowired HistoryProperties history;
    @Autowired List<ChangeLog> logs;
    @Autowired ScheduledTaskHolder scheduled;

    String actor;
    LocalDateTime older;
    LocalDateTime old;
    LocalDateTime recent;

    @BeforeEach
    void dates() {
        actor = "purge-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDateTime cutoff = LocalDateTime.ofInstant(clock.instant().minus(history.retention()), ZoneOffset.UTC);
        older = cutoff.minusDays(2);
        old = cutoff.minusMinutes(1);
        recent = cutoff.plusDays(1);
    }

    @Test
    void rowsOlderThanTheRetentionGoAndWhatItStillCoversStays() {
        String request = fixtures.submit("alice", "Globex", LocalDate.now(clock).plusMonths(2)).id();
        long ticket = api.as("alice").post("/api/tickets", Map.of("subject", "Retention", "body", "Kept"))
                .getBody().get("id").asLong();
        for (LocalDateTime at : List.of(older, old, old, recent)) {
            jdbc.sql("insert into access_request_event (request_id, at, actor, action) values (?, ?, ?, 'TEST')")
                    .params(request, at, actor).update();
            jdbc.sql("insert into audit_read (at, reader, path) values (?, ?, '/api/audit')").params(at, actor).update();
            jdbc.sql("insert into ticket_event (ticket_id, kind, actor, created_at) values (?, 'TEST', ?, ?)")
                    .params(ticket, actor, at).update();
        }
        message(older, "SENT");
        message(old, "KEPT");
        message(older, "PENDING");
        message(recent, "SENT");
        String purgedImport = directoryImport(older, old);
        directoryImport(older, null);
        directoryImport(older, recent);
        for (int line : List.of(1, 2)) {
            jdbc.sql("insert into directory_import_refusal (import_id, line, reason) values (?, ?, 'bad row')")
                    .params(purgedImport, line).update();
        }
        version("changed", 1, older);
        version("changed", 2, old);
        version("changed", 3, recent);
        version("never-changed", 1, older);

        // two rows a batch, so every log takes several
        var purge = new ChangeLogPurge(jdbc, transactions, clock, history, logs, 2);
        Map<String, Integer> purged = purge.purge(() -> true);

        assertThat(purged).containsKeys("access_request_event", "ticket_event", "notification", "directory_import",
                "configuration_version", "audit_read");
        assertThat(times("select at from access_request_event where actor = ?")).containsExactly(recent);
        assertThat(times("select at from audit_read where reader = ?")).containsExactly(recent);
        assertThat(times("select created_at from ticket_event where actor = ?")).containsExactly(recent);
        assertThat(jdbc.sql("select status from notification where recipient = ? order by created_at").param(actor)
                .query(String.class).list()).containsExactly("PENDING", "SENT");
        assertThat(jdbc.sql("select finished_at from directory_import where started_by = ? order by finished_at nulls last")
                .param(actor).query(LocalDateTime.class).list()).containsExactly(recent, null);
        assertThat(jdbc.sql("select count(*) from directory_import_refusal where import_id = ?").param(purgedImport)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select subject || ' ' || version from configuration_version where kind = ? order by subject, version")
                .param(actor).query(String.class).list())
                .as("version 1 was replaced before the cutoff; 2 stood until after it").containsExactly(
                        "changed 2", "changed 3", "never-changed 1");

        assertThat(purge.purge(() -> true).values()).as("a second run finds nothing").containsOnly(0);
    }

    /** When the engine's history cleanup starts too (HistoryRetentionTest), in the server's time zone. */
    @Test
    void thePurgeRunsEachNightAtTheStartOfTheCleanupWindow() {
        assertThat(scheduled.getScheduledTasks()).map(ScheduledTask::getTask).filteredOn(TriggerTask.class::isInstance)
                .map(task -> ((TriggerTask) task).getTrigger()).filteredOn(CronTrigger.class::isInstance)
                .map(trigger -> ((CronTrigger) trigger).getExpression()).contains("0 0 1 * * *");
    }

    /** The rest waits for the next night; a stop between batches leaves no row half-deleted. */
    @Test
    void aPurgeStopsBetweenBatchesWhenTheWindowCloses() {
        String request = fixtures.submit("alice", "Globex", LocalDate.now(clock).plusMonths(2)).id();
        for (int i = 0; i < 3; i++) {
            jdbc.sql("insert into access_request_event (request_id, at, actor, action) values (?, ?, ?, 'TEST')")
                    .params(request, old, actor).update();
        }
        ChangeLog events = () -> List.of(ChangeLog.Table.of("access_request_event", "at"));
        var purge = new ChangeLogPurge(jdbc, transactions, clock, history, List.of(events), 2);
        AtomicInteger batches = new AtomicInteger();

        assertThat(purge.purge(() -> batches.incrementAndGet() <= 1)).containsEntry("access_request_event", 2);
        assertThat(times("select at from access_request_event where actor = ?")).hasSize(1);
        assertThat(purge.purge(() -> true)).containsEntry("access_request_event", 1);
        assertThat(times("select at from access_request_event where actor = ?")).isEmpty();
    }

    private List<LocalDateTime> times(String sql) {
        return jdbc.sql(sql + " order by 1").param(actor).query(LocalDateTime.class).list();
    }

    private void message(LocalDateTime at, String status) {
        jdbc.sql("insert into notification (id, created_at, kind, channel, recipient, subject, body, status) "
                        + "values (?, ?, 'REMINDER', 'EMAIL', ?, 'Retention', 'Text', ?)")
                .params(UUID.randomUUID().toString(), at, actor, status).update();
    }

    private String directoryImport(LocalDateTime started, LocalDateTime finished) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into directory_import (id, kind, source_name, started_by, started_at, finished_at, status, "
                        + "total_rows, processed, created, updated, unchanged, refused) "
                        + "values (?, 'EMPLOYEES', 'hr.csv', ?, ?, ?, ?, 0, 0, 0, 0, 0, 0)")
                .params(id, actor, started, finished, finished == null ? "RUNNING" : "COMPLETED").update();
        return id;
    }

    private void version(String subject, int version, LocalDateTime at) {
        jdbc.sql("insert into configuration_version (kind, subject, version, actor, changed_at, content) "
                        + "values (?, ?, ?, ?, ?, '{}')")
                .params(actor, subject, version, actor, at).update();
    }
}
