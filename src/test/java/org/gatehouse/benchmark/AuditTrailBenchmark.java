package org.gatehouse.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gatehouse.Api;
import org.gatehouse.FlakyChannelGateway;
import org.gatehouse.HttpTest;
import org.gatehouse.ProcessDriver;
import org.gatehouse.TestDatabase;
import org.gatehouse.access.AccessRequestService;
import org.gatehouse.access.AccessRequestStatus;
import org.gatehouse.access.AccessRequestView;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long an auditor waits for one access request's trail ({@code GET /api/audit/access-requests/{id}}, over HTTP,
 * as {@code aude}) in a history of N finished requests: five requests run end to end through the engine (connected
 * and ended at their end date; the same after Legal recorded a missing NDA; after a failed attempt to connect; after
 * an incident an admin resolved; rejected by the host), then their history copied until there are N
 * ({@link HistoryCopies}); then the trails of randomly chosen copies read one after the other, after a warm-up, and
 * their times printed as percentiles.
 *
 * <p>Prints figures, asserts none about time. Tagged {@code benchmark}: {@code mvn verify -Pbenchmark} runs it; on
 * PostgreSQL only (on H2 it prints why it is skipped), since the fixture's copying is PostgreSQL's SQL.
 * {@code -Dbenchmark.trail-requests} (default 100000) sets N, {@code -Dbenchmark.trail-reads} (default 1000) the trails
 * timed, {@code -Dbenchmark.trail-warmup} (default 200) those read first.
 */
@Tag("benchmark")
class AuditTrailBenchmark extends HttpTest {

    static final int REQUESTS = Integer.getInteger("benchmark.trail-requests", 100_000);
    static final int READS = Integer.getInteger("benchmark.trail-reads", 1000);
    static final int WARMUP = Integer.getInteger("benchmark.trail-warmup", 200);
    /** Copies made by one statement: a few thousand rows a table, each batch its own transaction. */
    static final int BATCH = 2000;
    static final String AUDITOR = "aude";
    private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();

    @Autowired ProcessEngine engine;
    @Autowired AccessRequestService requests;
    @Autowired FlakyChannelGateway gateway;
    @Autowired JdbcClient jdbc;

    @Test
    void oneTrailInAHistoryOfFinishedRequests() {
        if (!TestDatabase.postgres()) {
            Figures.print("benchmark h2: audit trail skipped: its fixture copies history with PostgreSQL's SQL "
                    + "(generate_series, md5 ids); mvn verify -Pbenchmark runs it on PostgreSQL");
            Assumptions.abort("PostgreSQL only");
        }
        List<String> originals = List.of(ended(false, Connect.AT_ONCE), ended(true, Connect.AT_ONCE),
                ended(false, Connect.AFTER_A_FAILURE), ended(false, Connect.AFTER_AN_INCIDENT), rejected());
        int copies = Math.max(0, (REQUESTS - originals.size()) / originals.size());
        long started = System.nanoTime();
        HistoryCopies.Copied copied = new HistoryCopies(jdbc).copy(originals, copies, BATCH);
        long loading = System.nanoTime() - started;
        long finished = jdbc.sql("select count(*) from access_request where status in ('ENDED', 'REJECTED')")
                .query(Long.class).single();
        assertThat(finished).isGreaterThanOrEqualTo((long) originals.size() * (copies + 1));

        List<String> chosen = jdbc.sql("select id from access_request where status in ('ENDED', 'REJECTED') "
                + "order by random() limit " + (WARMUP + READS)).query(String.class).list();
        // one client, as a browser or a script keeps its connection: the figures are the server's, not a new client's
        TestRestTemplate auditor = rest.withBasicAuth(AUDITOR, AUDITOR);
        for (String id : chosen.subList(0, WARMUP)) {
            read(auditor, id);
        }
        long[] nanos = new long[READS];
        List<byte[]> trails = new ArrayList<>();
        long cpu = cpu();
        for (int i = 0; i < READS; i++) {
            String id = chosen.get(WARMUP + i);
            long start = System.nanoTime();
            trails.add(read(auditor, id).getBody());
            nanos[i] = System.nanoTime() - start;
        }
        cpu = cpu() - cpu;
        long entries = trails.stream().mapToLong(trail -> Api.json(new String(trail, StandardCharsets.UTF_8))
                .get("entries").size()).sum();
        Arrays.sort(nanos);
        Figures.print(String.format(Locale.ROOT, "benchmark %s: one access request's audit trail over HTTP: p50 %.1f ms, "
                        + "p95 %.1f ms, p99 %.1f ms, max %.1f ms; %.1f ms of the JVM's CPU a trail (%d trails of %.0f "
                        + "entries on average, warm-up %d; history of %d finished requests, %d rows copied in %d s; "
                        + "load average %.1f on %d cores)",
                Figures.database(), ms(percentile(nanos, 50)), ms(percentile(nanos, 95)), ms(percentile(nanos, 99)),
                ms(nanos[nanos.length - 1]), ms(cpu / READS), READS, (double) entries / READS, WARMUP, finished,
                copied.total(), loading / 1_000_000_000, OS.getSystemLoadAverage(), OS.getAvailableProcessors()));
        System.out.println("copied rows by table: " + copied.byTable());
    }

    private static ResponseEntity<byte[]> read(TestRestTemplate auditor, String id) {
        ResponseEntity<byte[]> trail = auditor.getForEntity("/api/audit/access-requests/" + id, byte[].class);
        assertThat(trail.getStatusCode()).as(id).isEqualTo(HttpStatus.OK);
        return trail;
    }

    /** How the channel gets connected: the chat platform answers, fails once, or fails until an admin steps in. */
    enum Connect { AT_ONCE, AFTER_A_FAILURE, AFTER_AN_INCIDENT }

    /**
     * A request to Globex (a valid NDA on file), or to a new partner whose NDA Legal records; approved by the host
     * and the partner, connected, and ended at its end date.
     */
    private String ended(boolean legal, Connect connect) {
        AccessRequestView request = fixtures.submit("alice", legal ? fixtures.newPartner() : "Globex",
                LocalDate.now().plusMonths(2));
        ProcessInstance instance = fixtures.instance(request);
        driver.runJobs(instance.getId());
        if (legal) {
            LocalDate today = LocalDate.now();
            driver.complete(task(fixtures.nda(instance), "obtainNda"), "lena", Map.of("ndaSigned", true,
                    "ndaSignedOn", today.toString(), "ndaExpiresOn", today.plusYears(2).toString(),
                    "ndaDocumentRef", "NDA-" + request.id()));
            driver.runJobs(instance.getId());
        }
        driver.complete(task(instance, "hostAdminApproval"), "bob", Map.of("approved", true, "comment", "Fine"));
        fixtures.partnerAccepts(request);
        if (connect == Connect.AFTER_A_FAILURE) {
            gateway.failNextConnects(1);
            String job = driver.job(instance.getId(), "Activity_Connect").getId();
            assertThatThrownBy(() -> engine.getManagementService().executeJob(job)).hasMessageContaining("unavailable");
            engine.getManagementService().executeJob(driver.job(instance.getId(), "Activity_Connect").getId());
        } else if (connect == Connect.AFTER_AN_INCIDENT) {
            gateway.failNextConnects(Integer.MAX_VALUE);
            driver.failUntilIncident(instance.getId(), "Activity_Connect");
            gateway.heal();
            String job = driver.job(instance.getId(), "Activity_Connect").getId();
            driver.as("admin", () -> engine.getManagementService().setJobRetries(job, 1));
            engine.getManagementService().executeJob(job);
        }
        driver.runJobs(instance.getId());
        driver.fireTimer(instance.getId(), "Event_EndDate");
        driver.complete(task(instance, "renewOrEnd"), "alice", Map.of("renew", false));
        driver.runJobs(instance.getId());
        ProcessDriver.resetClock();
        assertThat(requests.get(request.id()).status()).isEqualTo(AccessRequestStatus.ENDED);
        return request.id();
    }

    private String rejected() {
        AccessRequestView request = fixtures.submit("alice", "Globex", LocalDate.now().plusMonths(2));
        ProcessInstance instance = fixtures.instance(request);
        driver.runJobs(instance.getId());
        driver.complete(task(instance, "hostAdminApproval"), "bob", Map.of("approved", false, "comment", "Not now"));
        driver.runJobs(instance.getId());
        assertThat(requests.get(request.id()).status()).isEqualTo(AccessRequestStatus.REJECTED);
        return request.id();
    }

    private Task task(ProcessInstance instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
                .singleResult();
    }

    /**
     * The CPU time this JVM (the server and its client, not PostgreSQL) has used: what a trail costs whatever else
     * the machine runs, where the wall-clock times count the waits for a core too.
     */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) OS).getProcessCpuTime();
    }

    /** The nearest-rank percentile of sorted times. */
    private static long percentile(long[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
