package org.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Start-up of the production profile as an operator meets it, in a child JVM: the documented demo on PostgreSQL
 * needs no mail server when mail is off, and a missing setting stops start-up with one line that names its
 * environment variable, not a stack trace.
 */
@Tag("child-jvm")
class StartupTest {

    private static final Duration START = Duration.ofSeconds(120);
    private static final String SECRET = "startup-test-secret-of-at-least-32-chars";

    @Test
    void postgresDemoStartsWithMailOffAndNoMailSettings(TestInfo test) throws Exception {
        assumeTrue(TestDatabase.postgres(), "needs the PostgreSQL server");
        String database = TestDatabase.create();
        try (var gatehouse = ChildApplication.start(directory(test), Map.of(
                "GATEHOUSE_DB_URL", database,
                "GATEHOUSE_DB_USER", TestDatabase.USER,
                "GATEHOUSE_DB_PASSWORD", "",
                "GATEHOUSE_INVITATION_SECRET", SECRET,
                "GATEHOUSE_SIGNING_KEY", TestDatabase.SIGNING_KEY,
                "GATEHOUSE_MAIL_ENABLED", "false"), "--spring.profiles.active=postgres,demo")) {
            gatehouse.awaitHealthy(START);
            assertThat(gatehouse.send("GET", "/api/access-requests", "alice", null).statusCode()).isEqualTo(200);
        } finally {
            TestDatabase.drop(database);
        }
    }

    @Test
    void aMissingDatabaseUrlStopsStartUpNamingIt(TestInfo test) throws Exception {
        var environment = production();
        environment.remove("GATEHOUSE_DB_URL");
        assertRefusedNaming("GATEHOUSE_DB_URL", directory(test), environment);
    }

    @Test
    void aMissingSigningKeyStopsStartUpNamingIt(TestInfo test) throws Exception {
        var environment = production();
        environment.remove("GATEHOUSE_SIGNING_KEY");
        assertRefusedNaming("GATEHOUSE_SIGNING_KEY", directory(test), environment);
    }

    @Test
    void mailOnWithoutAnSmtpServerStopsStartUpNamingIt(TestInfo test) throws Exception {
        var environment = production();
        environment.putAll(Map.of(
                "GATEHOUSE_MAIL_ENABLED", "true",
                "GATEHOUSE_MAIL_ADDRESS", "help@acme.example",
                "GATEHOUSE_MAIL_COMPANY_DOMAINS", "acme.example",
                "GATEHOUSE_MAIL_IMAP_HOST", "imap.acme.example",
                "GATEHOUSE_MAIL_IMAP_USERNAME", "help@acme.example",
                "GATEHOUSE_MAIL_IMAP_PASSWORD", "secret"));
        assertRefusedNaming("GATEHOUSE_MAIL_SMTP_HOST", directory(test), environment);
    }

    @Test
    void theSlackGatewayWithoutItsTokenAndSecretStopsStartUpNamingThem(TestInfo test) throws Exception {
        var environment = production();
        environment.put("GATEHOUSE_CHAT_GATEWAY", "slack");
        assertRefusedNaming(directory(test), environment, "GATEHOUSE_SLACK_BOT_TOKEN", "GATEHOUSE_SLACK_SIGNING_SECRET");
    }

    /**
     * The production profile with every required setting, mail off; on an in-memory H2 database, since these
     * start-ups must fail before any database matters.
     */
    private static Map<String, String> production() {
        return new HashMap<>(Map.of(
                "GATEHOUSE_DB_URL", "jdbc:h2:mem:startup",
                "GATEHOUSE_DB_USER", "sa",
                "GATEHOUSE_DB_PASSWORD", "",
                "GATEHOUSE_INVITATION_SECRET", SECRET,
                "GATEHOUSE_SIGNING_KEY", TestDatabase.SIGNING_KEY,
                "GATEHOUSE_MAIL_ENABLED", "false"));
    }

    private static void assertRefusedNaming(String variable, Path directory, Map<String, String> environment)
            throws Exception {
        assertRefusedNaming(directory, environment, variable);
    }

    /** Start-up fails with one line for each of {@code variables}, and no stack trace. */
    private static void assertRefusedNaming(Path directory, Map<String, String> environment, String... variables)
            throws Exception {
        assumeFalse(TestDatabase.postgres(), "needs no database: runs once, on the H2 run");
        try (var gatehouse = ChildApplication.start(directory, environment, "--spring.profiles.active=postgres")) {
            int exit = gatehouse.awaitExit(START);
            String output = gatehouse.output();
            assertThat(exit).as(output).isNotZero();
            assertThat(output).contains("APPLICATION FAILED TO START");
            String analysis = output.substring(output.indexOf("APPLICATION FAILED TO START"));
            for (String variable : variables) {
                assertThat(analysis.lines().filter(line -> line.contains(variable))).as(output).hasSize(1);
            }
            assertThat(output).as("no stack trace").doesNotContain("\tat ").doesNotContain("Could not resolve placeholder");
        }
    }

    private static Path directory(TestInfo test) {
        return Path.of("target", "child-jvm", test.getTestMethod().orElseThrow().getName());
    }
}
