package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gatehouse.GatehouseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Configuration versions on the real database: what counts as a change, the search, and concurrent writers. */
@GatehouseTest
class ConfigurationVersionsTest {

    private static final AtomicInteger KIND = new AtomicInteger();

    @Autowired ConfigurationVersions versions;
    @Autowired PlatformTransactionManager transactions;
    @Autowired DataSource dataSource;

    private final ExecutorService writers = Executors.newCachedThreadPool();

    @AfterEach
    void stopWriters() {
        writers.shutdownNow();
        ClockUtil.reset();
    }

    /** A kind of its own for each test, so other tests' versions are never in the way. */
    private static String kind() {
        return "test-kind-" + KIND.incrementAndGet();
    }

    @Test
    void aChangeThatChangesNothingIsNoVersionWhateverOrderItsKeysCameIn() {
        String kind = kind();
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("mode", "GROUPS");
        policy.put("groups", List.of("b", "a"));
        assertThat(versions.record(kind, "", "carol", policy)).isTrue();

        Map<String, Object> sameInAnotherOrder = new LinkedHashMap<>();
        sameInAnotherOrder.put("groups", List.of("b", "a"));
        sameInAnotherOrder.put("mode", "GROUPS");
        assertThat(versions.record(kind, "", "bob", sameInAnotherOrder)).isFalse();
        assertThat(versions.record(kind, "", "bob", Map.of("mode", "GROUPS", "groups", List.of("a", "b"))))
                .as("a list's order is part of it").isTrue();
        assertThat(versions.record(kind, "other", "bob", policy)).as("each subject has its own versions").isTrue();

        List<ConfigurationVersion> history = versions.versions(kind, "");
        assertThat(history).extracting(ConfigurationVersion::version).containsExactly(1, 2);
        assertThat(history).extracting(ConfigurationVersion::actor).containsExactly("carol", "bob");
        assertThat(history.get(0).content().toString()).isEqualTo("{\"groups\":[\"b\",\"a\"],\"mode\":\"GROUPS\"}");
        assertThat(versions.versions(kind, "nothing")).isEmpty();
    }

    @Test
    void aConfigurationWithoutVersionsIsRecordedAsFoundOnceAndOneWithVersionsIsLeft() {
        String kind = kind();
        versions.record(kind, "changed", "ann", Map.of("n", 1));
        VersionedConfiguration feature = () -> Map.of(kind, Map.<String, Object>of("found", Map.of("n", 0),
                "changed", Map.of("n", 2)));
        var baseline = new ConfigurationBaseline(versions, List.of(feature));
        baseline.run(null);
        baseline.run(null);
        assertThat(versions.versions(kind, "found")).extracting(v -> v.version() + " " + v.actor() + " " + v.content())
                .containsExactly("1 gatehouse {\"n\":0}");
        assertThat(versions.versions(kind, "changed")).extracting(ConfigurationVersion::actor).containsExactly("ann");
    }

    @Test
    void theSearchFiltersByKindActorAndTimeAPageAtATime() {
        String kind = kind();
        Instant start = Instant.parse("2031-03-01T10:00:00Z");
        for (int i = 0; i < 5; i++) {
            ClockUtil.setCurrentTime(Date.from(start.plusSeconds(3600L * i)));
            versions.record(kind, "s" + (i % 2), i < 3 ? "ann" : "ben", Map.of("n", i));
        }
        var all = versions.search(kind, null, null, null, 0, 2);
        assertThat(all.total()).isEqualTo(5);
        assertThat(all.versions()).extracting(v -> v.content().get("n").asInt()).containsExactly(0, 1);
        assertThat(versions.search(kind, null, null, null, 2, 2).versions()).extracting(v -> v.content().get("n").asInt())
                .containsExactly(4);
        assertThat(versions.search(kind, "ben", null, null, 0, 10).versions()).extracting(ConfigurationVersion::subject)
                .containsExactly("s1", "s0");
        var window = versions.search(kind, null, start.plusSeconds(3600), start.plusSeconds(3 * 3600), 0, 10);
        assertThat(window.total()).as("from inclusive, to exclusive").isEqualTo(2);
        assertThat(window.versions()).extracting(ConfigurationVersion::changedAt)
                .containsExactly(start.plusSeconds(3600), start.plusSeconds(2 * 3600));
        assertThat(versions.search(null, "ann", start, start.plusSeconds(1), 0, 10).versions())
                .extracting(ConfigurationVersion::kind).containsExactly(kind);
        assertThatThrownBy(() -> versions.search(kind, null, null, null, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWriterWhoLosesTheRaceForANumberTakesTheNext() throws Exception {
        String kind = kind();
        assertThat(race(kind, Map.of("by", "first"), Map.of("by", "second"))).isTrue();
        assertThat(versions.versions(kind, "")).extracting(v -> v.actor() + " " + v.version() + " " + v.content().get("by").asText())
                .containsExactly("first 1 first", "second 2 second");
    }

    @Test
    void aWriterWhoLosesTheRaceToTheSameContentRecordsNothing() throws Exception {
        String kind = kind();
        assertThat(race(kind, Map.of("same", true), Map.of("same", true))).isFalse();
        assertThat(versions.versions(kind, "")).extracting(ConfigurationVersion::actor).containsExactly("first");
    }

    @Test
    void concurrentWritersEachKeepTheirChangeUnderItsOwnNumber() throws Exception {
        String kind = kind();
        int writerCount = 6;
        CyclicBarrier together = new CyclicBarrier(writerCount);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < writerCount; i++) {
            int n = i;
            results.add(writers.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return inTransaction(() -> versions.record(kind, "", "w" + n, Map.of("n", n)));
            }));
        }
        for (Future<Boolean> result : results) {
            assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
        }
        List<ConfigurationVersion> history = versions.versions(kind, "");
        assertThat(history).extracting(ConfigurationVersion::version)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, writerCount).boxed().toList());
        assertThat(history).extracting(v -> v.content().get("n").asInt())
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, writerCount).boxed().toList());
    }

    /**
     * The first writer records and holds its transaction open; the second records meanwhile, then the first commits.
     * What the second's record answered.
     */
    private boolean race(String kind, Object first, Object second) throws Exception {
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<Boolean> winner = writers.submit(() -> inTransaction(() -> {
            boolean done = versions.record(kind, "", "first", first);
            recorded.countDown();
            await(commit);
            return done;
        }));
        assertThat(recorded.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Boolean> loser = writers.submit(() -> inTransaction(() -> versions.record(kind, "", "second", second)));
        awaitBlockedOrDone(loser);
        commit.countDown();
        assertThat(winner.get(30, TimeUnit.SECONDS)).isTrue();
        return loser.get(30, TimeUnit.SECONDS);
    }

    /**
     * Until the second writer has met the first one's uncommitted version, as the database reports it (PostgreSQL: a
     * lock not granted; H2: a session inside its insert, which cannot end before the first commits), or is done.
     */
    private void awaitBlockedOrDone(Future<?> writer) throws SQLException {
        boolean postgres;
        try (var connection = dataSource.getConnection()) {
            postgres = connection.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
        }
        String blocked = postgres ? "select count(*) from pg_locks where not granted"
                : "select count(*) from information_schema.sessions"
                        + " where lower(executing_statement) like 'insert into configuration_version%'";
        Awaitility.await().atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(20)).until(() -> writer.isDone()
                || JdbcClient.create(dataSource).sql(blocked).query(Integer.class).single() > 0);
    }

    private boolean inTransaction(Supplier<Boolean> work) {
        return Boolean.TRUE.equals(new TransactionTemplate(transactions).execute(status -> work.get()));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
