package org.gatehouse;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.springframework.util.FileSystemUtils;

/**
 * Gatehouse as an operator runs it: its own JVM, started from the test classpath with {@link GatehouseApplication}'s
 * main, in a working directory of its own (so the default set-up's {@code ./data} is a fresh one), with only the
 * environment variables the test gives it. For what no test inside one JVM can show: a kill, a restart, a start-up
 * that must fail. Close it (try-with-resources, or {@link #kill()} in a finally) so that no JVM outlives its test.
 */
public final class ChildApplication implements AutoCloseable {

    /** The settings an operator's shell might carry into the child; it gets only what the test names. */
    private static final List<String> INHERITED_PREFIXES = List.of("GATEHOUSE_", "SPRING_", "CAMUNDA_", "SERVER_");

    private static final String PROCESS_TEST_COVERAGE =
            "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration";
    /** The test classpath without the test classes: the child is the application, not its tests' fixtures. */
    private static final String APPLICATION_CLASSPATH = Arrays.stream(System.getProperty("java.class.path")
                    .split(File.pathSeparator))
            .filter(entry -> !Path.of(entry).toAbsolutePath().equals(testClasses()))
            .collect(Collectors.joining(File.pathSeparator));

    private final Path directory;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private int starts;

    private ChildApplication(Path directory, Map<String, String> environment, List<String> arguments) {
        this.directory = directory;
        this.environment = environment;
        this.arguments = arguments;
        this.log = directory.resolve("gatehouse.log");
        this.port = freePort();
    }

    /**
     * Starts Gatehouse in {@code directory}, emptied first, on a free port.
     *
     * @param environment the child's Gatehouse, Spring and Camunda environment variables: these and no others
     * @param arguments   command-line arguments, {@code --spring.profiles.active=…} for one
     */
    public static ChildApplication start(Path directory, Map<String, String> environment, String... arguments) {
        try {
            FileSystemUtils.deleteRecursively(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var child = new ChildApplication(directory, environment, List.of(arguments));
        child.start();
        return child;
    }

    /** Starts it again on the same directory and port, after {@link #kill()}. */
    public void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("Gatehouse is still running in " + directory);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // start-up time is most of these tests on two cores; the C2 compiler would not pay back
                "-XX:TieredStopAtLevel=1", "-Xmx768m",
                "-cp", APPLICATION_CLASSPATH, GatehouseApplication.class.getName(),
                "--server.port=" + port,
                // a test library's auto-configuration, which fails outside a test
                "--spring.autoconfigure.exclude=" + PROCESS_TEST_COVERAGE));
        command.addAll(arguments);
        var builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> INHERITED_PREFIXES.stream().anyMatch(name::startsWith));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(directory);
            Files.writeString(log, "=== start " + ++starts + " " + Instant.now() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = builder.start();
            // a test JVM that is itself ended (Ctrl-C on Maven) takes its child along
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code /actuator/health} answers UP; fails with the child's output if it exits or takes too long. */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                // waits for the child to end, a quarter of a second at most: between two looks at its health
                int exit = process.onExit().get(250, TimeUnit.MILLISECONDS).exitValue();
                throw new AssertionError("Gatehouse exited with " + exit + " before it was up:\n" + output());
            } catch (TimeoutException stillStarting) {
                // it runs: ask it
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
        }
        throw new AssertionError("Gatehouse was not up within " + timeout + ":\n" + output());
    }

    /** Waits for the child to end by itself, and gives its exit code; fails if it is still running after the timeout. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Gatehouse still runs after " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no flush, no close; as a crash or the OOM killer ends a JVM. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** A request as {@code user} (password = user id, as the demo accounts have). */
    public HttpResponse<String> send(String method, String path, String user, String json)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Everything the child printed, every start of it. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static Path testClasses() {
        try {
            return Path.of(ChildApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
