package org.gatehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * With {@code -Dgatehouse.test.database=postgres}, the suite runs against a fresh database on the PostgreSQL server
 * at 127.0.0.1:5432 (trust authentication), through the {@code postgres} profile. Its name carries the test JVM's pid; each run drops the databases of
 * runs whose JVM is gone (dropping at shutdown would race the application's own shutdown).
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String SERVER = System.getProperty("gatehouse.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/");
    static final String PREFIX = "gatehouse_test_";
    static final String USER = System.getProperty("gatehouse.test.postgres-user", "postgres");
    /** An Ed25519 private key for the tests alone (PKCS#8, base64): {@code openssl genpkey -algorithm ed25519 -outform DER | base64 -w0}. */
    public static final String SIGNING_KEY = "MC4CAQAwBQYDK2VwBCIEIPyxgPUAAHfoAZcCc4VOj29fws3OJt7/tptZ9uDumkuq";
    private static final AtomicInteger CREATED = new AtomicInteger();

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("gatehouse.test.database"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!postgres()) {
            return;
        }
        // the production profile (Profiles), fed as an operator would feed it; TestMailServer names the suite's mail server
        TestPropertyValues.of(
                "GATEHOUSE_DB_URL=" + create(),
                "GATEHOUSE_DB_USER=" + USER,
                "GATEHOUSE_DB_PASSWORD=",
                "GATEHOUSE_INVITATION_SECRET=test-secret-of-at-least-thirty-two-chars",
                "GATEHOUSE_SIGNING_KEY=" + SIGNING_KEY,
                "GATEHOUSE_MAIL_ENABLED=false",
                // the tests talk plain HTTP, where a Secure session cookie would never come back
                "server.servlet.session.cookie.secure=false").applyTo(context);
    }

    /**
     * The suite's profiles: the test profile and the demo data, and on PostgreSQL the production profile. They are
     * given before the context reads its configuration: a profile added by an initializer comes too late for its
     * {@code application-<profile>.yaml}, which left the suite on H2 while it named PostgreSQL.
     */
    public static class Profiles implements ActiveProfilesResolver {

        @Override
        public String[] resolve(Class<?> testClass) {
            return postgres() ? new String[] {"test", "demo", "postgres"} : new String[] {"test", "demo"};
        }
    }

    /** A fresh, empty database on the server, named after this JVM; its JDBC URL. */
    public static String create() {
        dropDatabasesOfEndedRuns();
        String database = PREFIX + ProcessHandle.current().pid() + "_" + System.currentTimeMillis() + "_"
                + CREATED.incrementAndGet();
        execute("create database " + database);
        return SERVER + database;
    }

    /** Drops a database {@link #create()} made, once nothing uses it any more. */
    public static void drop(String url) {
        execute("drop database if exists " + url.substring(SERVER.length()) + " with (force)");
    }

    private static void dropDatabasesOfEndedRuns() {
        List<String> stale = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
                Statement statement = connection.createStatement();
                ResultSet names = statement.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
            while (names.next()) {
                String name = names.getString(1);
                long pid = Long.parseLong(name.substring(PREFIX.length(), name.indexOf('_', PREFIX.length())));
                if (ProcessHandle.of(pid).isEmpty()) {
                    stale.add(name);
                }
            }
        } catch (SQLException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER + " is needed for this run: " + e.getMessage(), e);
        }
        stale.forEach(name -> execute("drop database if exists " + name + " with (force)"));
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER + " is needed for this run: " + e.getMessage(), e);
        }
    }
}
