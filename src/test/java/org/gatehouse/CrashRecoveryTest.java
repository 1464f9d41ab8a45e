package org.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged is lost: the default set-up (H2 file database under {@code ./data}) in a child JVM, access
 * requests filed from several clients, the JVM killed with SIGKILL while requests are in flight, restarted on the
 * same data; every request that got its 201 is there. H2 holds commits for up to half a second unless its URL says
 * {@code WRITE_DELAY=0}; with the delay, runs of this test lost up to a tenth of what they had acknowledged.
 */
@Tag("child-jvm")
class CrashRecoveryTest {

    private static final int CLIENTS = 8;
    /** The kill comes once this many requests are acknowledged, or after {@link #LOAD}, whichever is first. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 60;
    private static final Duration LOAD = Duration.ofSeconds(20);
    private static final Duration START = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyAcknowledgedRequestSurvivesAKillAndARestart() throws Exception {
        assumeFalse(TestDatabase.postgres(), "the embedded H2 database's durability: runs on the H2 run");
        BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        List<String> acknowledged = new ArrayList<>();
        AtomicInteger filed = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try (var gatehouse = ChildApplication.start(Path.of("target", "child-jvm", "crash-recovery"), Map.of(),
                "--spring.profiles.active=demo")) {
            gatehouse.awaitHealthy(START);
            for (int client = 0; client < CLIENTS; client++) {
                String requester = client % 2 == 0 ? "alice" : "dave";
                String channel = "crash-" + client + "-";
                clients.submit(() -> {
                    for (int n = 0; !killed.get(); n++) {
                        filed.incrementAndGet();
                        try {
                            var response = gatehouse.send("POST", "/api/access-requests", requester, request(channel + n));
                            if (response.statusCode() == 201) {
                                answers.add(JSON.readTree(response.body()).get("id").asText());
                            }
                        } catch (IOException refusedOrCutOff) {
                            // the kill: this one was never acknowledged
                        }
                    }
                    return null;
                });
            }
            Instant deadline = Instant.now().plus(LOAD);
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && Instant.now().isBefore(deadline)) {
                String id = answers.poll(Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS);
                if (id != null) {
                    acknowledged.add(id);
                }
            }
            // right after a 201, while its commit is the freshest: what a write delay holds back, the kill loses
            String last = answers.poll(LOAD.toSeconds(), TimeUnit.SECONDS);
            // the clients start no new request; those in flight are cut off
            killed.set(true);
            gatehouse.kill();
            if (last != null) {
                acknowledged.add(last);
            }
            clients.shutdown();
            assertThat(clients.awaitTermination(40, TimeUnit.SECONDS)).as("clients stopped").isTrue();
            answers.drainTo(acknowledged);

            gatehouse.start();
            gatehouse.awaitHealthy(START);
            List<String> lost = new ArrayList<>();
            for (String id : acknowledged) {
                if (gatehouse.send("GET", "/api/access-requests/" + id, "admin", null).statusCode() != 200) {
                    lost.add(id);
                }
            }
            System.out.printf("crash recovery: %d requests filed, %d acknowledged (201), %d found after a SIGKILL and a "
                    + "restart%n", filed.get(), acknowledged.size(), acknowledged.size() - lost.size());
            assertThat(acknowledged).as("requests acknowledged before the kill").isNotEmpty();
            assertThat(lost).as("acknowledged, then lost in the kill").isEmpty();
        } finally {
            clients.shutdownNow();
        }
    }

    private static String request(String channel) throws IOException {
        return JSON.writeValueAsString(Map.of("workspace", "acme-main", "channelName", channel,
                "partnerOrganisation", "Globex", "partnerContactName", "Gina", "partnerContactEmail", "gina@globex.example",
                "projectName", "Crash test", "endDate", "2027-06-30", "purpose", "Filed while the JVM is killed"));
    }
}
