package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gatehouse.Api;
import org.gatehouse.HttpTest;
import org.gatehouse.TestBundles;
import org.gatehouse.access.AccessRequestView;
import org.gatehouse.channels.OutboxMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A process owner changes {@code bpmn/} only (no Java) and deploys the folder as one bundle over HTTP; what is refused
 * is refused whole, with every reason, and nothing of it is deployed.
 */
class ModelDeploymentApiTest extends HttpTest {

    private static final String PATH = "/api/models/deployments";
    private static final String MODEL = "external-access-request.bpmn";
    private static final String PAGE = "pages/invitation.mustache";
    private static final String MIGRATIONS = "/api/models/migrations";

    @Autowired ProcessEngine engine;
    @Autowired ModelBundles bundles;
    @Autowired DeploymentGuard guard;
    @Autowired ModelDeployCommand command;
    @Autowired OutboxMessages outbox;

    @Test
    void aChangedDurationMessageAndPageTakeEffectOnNewRequestsWhileRunningOnesKeepTheirs() throws IOException {
        AccessRequestView before = fixtures.submit("alice", "Globex", LocalDate.now().plusMonths(2));
        ProcessInstance running = fixtures.instance(before);
        driver.runJobs(running.getId());

        String version = TestBundles.nextVersion(engine);
        Map<String, String> bundle = TestBundles.withVersion(version);
        bundle.put(MODEL, bundle.get(MODEL)
                .replace("<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P1D</bpmn:timeDuration>",
                        "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">PT6H</bpmn:timeDuration>")
                .replace("Reminder: ${requester}'s request", "Gentle reminder: ${requester}'s request"));
        bundle.put(PAGE, bundle.get(PAGE).replace("invites {{partnerOrganisation}}", "warmly invites {{partnerOrganisation}}")
                .replace("color: #222;", "color: #123;"));
        ResponseEntity<JsonNode> deployed = deploy("paul", bundle);

        assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = deployed.getBody().get("id").asText();
        try {
            assertThat(deployed.getBody().get("name").asText()).isEqualTo(ModelBundles.DEPLOYMENT_NAME);
            assertThat(deployed.getBody().get("version").asText()).isEqualTo(version);
            assertThat(deployed.getBody().get("resources").toString()).contains(MODEL, "forms/obtain-nda.form",
                    "notifications/");

            AccessRequestView after = fixtures.submit("alice", "Globex", LocalDate.now().plusMonths(2));
            ProcessInstance fresh = fixtures.instance(after);
            driver.runJobs(fresh.getId());
            assertThat(reminderAfter(fresh)).as("the new version's duration").isEqualTo(Duration.ofHours(6));
            assertThat(reminderAfter(running)).as("a running request keeps its own").isEqualTo(Duration.ofDays(1));

            ResponseEntity<String> newPage = api.getText("/invite/" + fixtures.token(after), MediaType.TEXT_HTML);
            assertThat(newPage.getBody()).as("the new version's page").contains("warmly invites").contains("#123");
            assertThat(newPage.getHeaders().getFirst("Content-Security-Policy")).as("its own style allowed")
                    .contains(LinkPages.styleSources(bundle.get(PAGE)));
            assertThat(api.getText("/invite/" + fixtures.token(before), MediaType.TEXT_HTML).getBody())
                    .as("a running request keeps its page").doesNotContain("warmly").contains("#222");

            driver.fireTimer(fresh.getId(), "Event_HostApprovalReminder");
            assertThat(outbox.to("bob")).anySatisfy(m -> assertThat(m.body()).contains("Gentle reminder")
                    .contains(after.projectName()));
            driver.fireTimer(running.getId(), "Event_HostApprovalReminder");
            assertThat(outbox.to("bob")).filteredOn(m -> m.body().contains(before.projectName()))
                    .isNotEmpty().allSatisfy(m -> assertThat(m.body()).doesNotContain("Gentle"));

            long deployments = engine.getRepositoryService().createDeploymentQuery().count();
            bundles.postProcessEngineBuild(engine);
            assertThat(engine.getRepositoryService().createDeploymentQuery().count())
                    .as("a restart leaves the owner's newer bundle as the latest").isEqualTo(deployments);
        } finally {
            // with its instances and their history: Gatehouse's own call, as no person may (HistoryRetention)
            TrustedCalls.run(() -> engine.getRepositoryService().deleteDeployment(id, true));
        }
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("a lone model", (UnaryOperator<Map<String, String>>) files -> Map.of(MODEL, files.get(MODEL),
                        ModelBundle.VERSION_FILE, files.get(ModelBundle.VERSION_FILE)), "a partial deployment is refused"),
                Arguments.of("a bundle missing a form", without("forms/obtain-nda.form"), "'obtain-nda'"),
                Arguments.of("a bundle missing a link page", without("pages/approval.mustache"), "pages approval"),
                Arguments.of("a page that does not compile", changed(PAGE, "{{/invitation}}", "{{/invitatio}}"),
                        PAGE + ": not readable"),
                Arguments.of("a bundle breaking the contract", changed(MODEL, "name=\"AccessRequestWithdrawn\"",
                        "name=\"RequestWithdrawn\""), "messages AccessRequestWithdrawn"),
                Arguments.of("a bundle with a script", added("evil.bpmn", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
                          <process id="evil" isExecutable="true"><startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="Task_Script"/>
                          <scriptTask id="Task_Script" scriptFormat="javascript"><script>java.lang.Runtime.getRuntime()</script></scriptTask></process>
                        </definitions>"""), "script tasks"),
                Arguments.of("a bundle no newer than the deployed one", changed(ModelBundle.VERSION_FILE, "version=",
                        "version=0."), "is not newer than the deployed"),
                Arguments.of("a step without the input its code reads", changed(MODEL,
                        "<camunda:inputParameter name=\"linkValidFor\">", "<camunda:inputParameter name=\"linkValid\">"),
                        "'Activity_IssueInvitation' of process 'external-access-request' must give its input parameter "
                                + "'linkValidFor'"),
                Arguments.of("a diagram drawn through a shape", changed(MODEL, "<di:waypoint x=\"2975\" y=\"440\" />",
                        "<di:waypoint x=\"2760\" y=\"440\" />"), "the diagram draws Flow_End crosses"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aBadBundleIsRefusedWholeWithItsReasonsAndNothingIsDeployed(String what, UnaryOperator<Map<String, String>> change,
            String reason) throws IOException {
        long deployments = engine.getRepositoryService().createDeploymentQuery().count();
        ResponseEntity<JsonNode> refused = deploy("paul", change.apply(TestBundles.next(engine)));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(refused.getBody().get("errors").findValuesAsText("message")).anySatisfy(m -> assertThat(m).contains(reason));
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
    }

    /** The engine's plan moves a waiting request and a waiting ticket to the owner's new version, and both finish. */
    @Test
    void runningInstancesMoveToTheNewVersionAndFinishThere() throws IOException {
        AccessRequestView request = fixtures.submit("alice", "Globex", LocalDate.now().plusMonths(2));
        ProcessInstance access = fixtures.instance(request);
        driver.runJobs(access.getId());
        long ticket = api.as("alice").post("/api/tickets", Map.of("subject", "Payslip", "body", "My payslip is wrong",
                "category", "hr")).getBody().get("id").asLong();
        ProcessInstance handling = driver.instance(Long.toString(ticket));

        ResponseEntity<JsonNode> deployed = deploy("paul", TestBundles.next(engine));
        assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        try {
            assertThat(api.as("bob").post(MIGRATIONS, Map.of("sourceProcessDefinitionId", access.getProcessDefinitionId()))
                    .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            for (ProcessInstance instance : List.of(access, handling)) {
                ResponseEntity<JsonNode> moved = api.as("paul").post(MIGRATIONS, Map.of("sourceProcessDefinitionId",
                        instance.getProcessDefinitionId(), "processInstanceIds", List.of(instance.getId())));
                assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
                String target = moved.getBody().get("target").asText();
                assertThat(engine.getRepositoryService().getProcessDefinition(target).getDeploymentId())
                        .isEqualTo(deployed.getBody().get("id").asText());
                assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
                        .singleResult().getProcessDefinitionId()).isEqualTo(target);
                assertThat(api.as("paul").post(MIGRATIONS, Map.of("sourceProcessDefinitionId", target,
                        "targetProcessDefinitionId", instance.getProcessDefinitionId())).getStatusCode())
                        .as("never back to an older version").isEqualTo(HttpStatus.BAD_REQUEST);
            }

            fixtures.approveBothSides(access, request, "bob");
            fixtures.workflow().disconnect(request.id(), "carol");
            driver.runJobs(access.getId());
            assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(access.getId())
                    .singleResult().getState()).isEqualTo("COMPLETED");

            assertThat(api.as("hana").post("/api/tickets/" + ticket + "/resolve", Map.of("body", "Corrected"))
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
            driver.fireTimer(handling.getId(), "Event_AutoClose");
            assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(handling.getId())
                    .singleResult().getState()).isEqualTo("COMPLETED");
        } finally {
            TrustedCalls.run(() -> engine.getRepositoryService().deleteDeployment(deployed.getBody().get("id").asText(), true));
        }
    }

    @Test
    void onlyProcessOwnersAndAdminsDeploy() throws IOException {
        assertThat(deploy("bob", TestBundles.next(engine)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deploy("aude", TestBundles.next(engine)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** {@code --deploy-models=DIR} takes the same path: a folder deploys whole, a lone model or no folder is refused. */
    @Test
    void theCommandDeploysAFolderAndRefusesWhatTheApiRefuses(@TempDir Path folder) throws IOException {
        var out = new ByteArrayOutputStream();
        assertThat(command.deploy(folder.resolve("missing"), new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("not a folder");

        String version = TestBundles.nextVersion(engine);
        Map<String, String> bundle = TestBundles.withVersion(version);
        Files.writeString(folder.resolve(MODEL), bundle.get(MODEL));
        Files.writeString(folder.resolve(ModelBundle.VERSION_FILE), bundle.get(ModelBundle.VERSION_FILE));
        long deployments = engine.getRepositoryService().createDeploymentQuery().count();
        out.reset();
        assertThat(command.deploy(folder, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("REFUSED", "a partial deployment is refused");
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);

        for (var file : bundle.entrySet()) {
            Path path = folder.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        out.reset();
        assertThat(command.deploy(folder, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(0);
        String id = engine.getRepositoryService().createDeploymentQuery().orderByDeploymentTime().desc().list().get(0)
                .getId();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("DEPLOYED bundle " + version + " as " + id)
                .contains(MODEL, "forms/obtain-nda.form");
        TrustedCalls.run(() -> engine.getRepositoryService().deleteDeployment(id, true));
    }

    /** The folder the jar carries passes the same check an owner's bundle does. */
    @Test
    void theFolderItselfPassesTheCheck() throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        TestBundles.next(engine).forEach((name, content) -> files.put(name, content.getBytes()));
        assertThat(guard.bundleCheck().refusals(files, ModelBundles.latestVersion(engine.getRepositoryService()))).isEmpty();
    }

    private Duration reminderAfter(ProcessInstance instance) {
        var timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("Event_HostApprovalReminder").timers().singleResult();
        // the timer is set a few milliseconds before the task is stamped: to the second is what a person reads
        Duration exact = Duration.between(task("hostAdminApproval", instance).getCreateTime().toInstant(),
                timer.getDuedate().toInstant());
        return Duration.ofSeconds(Math.round(exact.toMillis() / 1000.0));
    }

    private ResponseEntity<JsonNode> deploy(String user, Map<String, String> files) {
        ResponseEntity<String> response = rest.withBasicAuth(user, user).postForEntity(PATH,
                TestBundles.multipart(null, files), String.class);
        return new ResponseEntity<>(Api.json(response.getBody()), response.getHeaders(), response.getStatusCode());
    }

    private static UnaryOperator<Map<String, String>> without(String file) {
        return files -> {
            files.remove(file);
            return files;
        };
    }

    private static UnaryOperator<Map<String, String>> changed(String file, String from, String to) {
        return files -> {
            assertThat(files.get(file)).contains(from);
            files.put(file, files.get(file).replace(from, to));
            return files;
        };
    }

    private static UnaryOperator<Map<String, String>> added(String file, String content) {
        return files -> {
            files.put(file, content);
            return files;
        };
    }
}
