package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.gatehouse.GatehouseTest;
import org.gatehouse.access.AccessRequestFixtures;
import org.gatehouse.access.AccessRequestService;
import org.gatehouse.experts.ExpertFixtures;
import org.gatehouse.directory.OrganisationService;
import org.gatehouse.platform.AuthorizationMatrix.Outcome;
import org.gatehouse.platform.AuthorizationMatrix.Role;
import org.gatehouse.platform.AuthorizationMatrix.Row;
import org.gatehouse.platform.MatrixHttp.Answer;
import org.gatehouse.platform.MatrixProbes.Probe;
import org.gatehouse.platform.MatrixRecords.Aim;
import org.gatehouse.platform.MatrixRecords.Subject;
import org.gatehouse.tickets.TicketCollaborators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The README's authorization matrix, cell by cell, over HTTP: each row is one test that calls its route as every
 * role and lists every cell that does not hold, and the run ends with the list of all of them.
 */
@GatehouseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    private static final Path README = Path.of("README.md");

    @Autowired ProcessEngine engine;
    @Autowired AccessRequestFixtures access;
    @Autowired AccessRequestService requests;
    @Autowired ExpertFixtures experts;
    @Autowired OrganisationService organisations;
    @Autowired TicketCollaborators collaborators;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @LocalServerPort int port;

    private MatrixHttp http;
    private MatrixRecords records;
    private Map<String, Probe> probes;
    private Throwable setUpFailure;
    private final List<String> mismatches = new ArrayList<>();

    /**
     * The records, made by the first test that runs rather than before all: the process coverage of the shared set-up
     * records engine events only while a test runs.
     */
    @BeforeEach
    void makeRecordsOnce() {
        if (setUpFailure != null) {
            throw new IllegalStateException("The matrix's records could not be made", setUpFailure);
        }
        if (records == null) {
            try {
                http = new MatrixHttp(port);
                records = new MatrixRecords(engine, http, access, requests, experts, organisations, collaborators);
                probes = MatrixProbes.all(records);
            } catch (RuntimeException | AssertionError e) {
                setUpFailure = e;
                throw e;
            }
        }
    }

    @AfterAll
    void report() {
        if (records != null) {
            records.close();
        }
        if (!mismatches.isEmpty()) {
            System.out.println("Authorization matrix: " + mismatches.size() + " cells do not hold\n"
                    + String.join("\n", mismatches));
        }
    }

    Stream<Row> rows() {
        return AuthorizationMatrix.read(README).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyRoleGetsWhatTheTableSays(Row row) {
        Probe probe = probes.get(row.route());
        assertThat(probe).as("README.md line %d: the route \"%s\" has no probe in MatrixProbes", row.line(), row.route())
                .isNotNull();
        List<String> wrong = new ArrayList<>();
        row.cells().forEach((role, expected) -> {
            String mismatch = check(probe, role, expected);
            if (mismatch != null) {
                wrong.add(role.column + " (" + user(role) + "): " + expected.mark + " expected, " + mismatch);
            }
        });
        wrong.forEach(w -> mismatches.add(row.route() + " | " + w));
        assertThat(wrong).as("README.md line %d, %s", row.line(), row.route()).isEmpty();
    }

    /** Every route a Gatehouse controller maps has a row; a route's content variants (JSON, HTML, form) share it. */
    @Test
    void everyGatehouseRouteHasARowAndEveryRowAProbe() {
        List<Row> rows = rows().toList();
        Set<String> inTable = rows.stream().map(r -> r.method() + " " + r.path()).collect(Collectors.toSet());
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().startsWith("org.gatehouse")) {
                info.getMethodsCondition().getMethods().forEach(m -> info.getPatternValues()
                        .forEach(path -> mapped.add(m.name() + " " + path)));
            }
        });
        assertThat(mapped).as("routes of Gatehouse's controllers").isNotEmpty();
        assertThat(inTable).as("the README's authorization matrix has a row for every Gatehouse route").containsAll(mapped);
        assertThat(rows).as("rows without a probe in MatrixProbes").filteredOn(r -> !probes.containsKey(r.route())).isEmpty();
    }

    /** Null when the cell holds; otherwise what happened instead. */
    private String check(Probe probe, Role role, Outcome expected) {
        Subject theirs = new Subject(role, user(role), Aim.THEIRS);
        try {
            return switch (expected) {
                case UNSETTLED -> null;
                case DONE -> {
                    String record = listed(probe, theirs);
                    Answer a = call(probe, theirs);
                    yield a.ok() && (record == null || a.shows(record)) ? null
                            : "got " + a + (a.ok() ? " (without the row's record)" : "");
                }
                case PASS -> {
                    Answer a = call(probe, theirs);
                    yield a.passes() ? null : "got " + a;
                }
                case NONE -> {
                    Answer a = call(probe, theirs);
                    yield a.emptyList() ? null : "got " + a;
                }
                case UNAUTHORIZED -> status(call(probe, theirs), 401);
                case FORBIDDEN -> status(call(probe, theirs), 403);
                case HIDDEN -> status(call(probe, theirs), 404);
                case OWN -> own(probe, theirs);
                case LINK -> link(probe, role);
                case SIGNED -> signed(probe, role);
            };
        } catch (RuntimeException | AssertionError e) {
            return "the test failed to make the call: " + e;
        }
    }

    private String own(Probe probe, Subject theirs) {
        String others = listed(probe, theirs);
        Answer other = call(probe, theirs);
        boolean hidden = others == null ? other.status() == 403 || other.status() == 404 : other.ok() && !other.shows(others);
        if (!hidden) {
            return "someone else's record: got " + other;
        }
        Subject mine = new Subject(theirs.role(), theirs.user(), Aim.MINE);
        String record = listed(probe, mine);
        Answer own = call(probe, mine);
        boolean shown = record == null ? own.passes() : own.ok() && own.shows(record);
        return shown ? null : "their own record: got " + own;
    }

    /** What the list must (or must not) show, made before the call: a caller's own record may not exist yet. */
    private static String listed(Probe probe, Subject subject) {
        return probe.listed() == null ? null : probe.listed().apply(subject);
    }

    /** The token is the credential: a made-up one finds nothing, the real one is answered (a spent one with 409). */
    private String link(Probe probe, Role role) {
        Answer madeUp = call(probe, new Subject(role, user(role), Aim.MADE_UP));
        if (madeUp.status() != 404) {
            return "a made-up token: got " + madeUp;
        }
        Subject real = new Subject(role, user(role), Aim.THEIRS);
        Answer answer = call(probe, real);
        boolean read = probe.call().apply(real).method().equals("GET");
        return read && answer.ok() || !read && answer.status() == 409 ? null : "the real token: got " + answer;
    }

    /** Slack's signature is the credential, whoever calls: a call Slack did not sign is 401, a signed one answered. */
    private String signed(Probe probe, Role role) {
        Answer unsigned = call(probe, new Subject(role, user(role), Aim.MADE_UP));
        if (unsigned.status() != 401) {
            return "a call Slack did not sign: got " + unsigned;
        }
        Answer signed = call(probe, new Subject(role, user(role), Aim.THEIRS));
        return signed.ok() ? null : "a call Slack signed: got " + signed;
    }

    private static String status(Answer answer, int expected) {
        return answer.status() == expected ? null : "got " + answer;
    }

    private Answer call(Probe probe, Subject subject) {
        Answer answer = http.send(subject.user(), probe.call().apply(subject));
        probe.after().accept(subject, answer);
        return answer;
    }

    private String user(Role role) {
        return switch (role) {
            case ANONYMOUS -> null;
            case REQUESTER -> "alice";
            case WORKSPACE_ADMIN -> "bob";
            case LEGAL -> "lena";
            case EXPERT -> records.expert;
            case TEAM_MEMBER -> "hana";
            case AUDITOR -> "aude";
            case PROCESS_OWNER -> "paul";
            case ADMIN -> "admin";
        };
    }
}
