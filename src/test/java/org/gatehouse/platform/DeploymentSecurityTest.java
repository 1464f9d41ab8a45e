package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.Api.variables;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ProcessEngine;
import org.gatehouse.Api;
import org.gatehouse.HttpTest;
import org.gatehouse.experts.ExpertFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A process owner (paul) deploys through the engine REST API, as an attacker would: every way to run code, or to keep
 * history shorter than the retention, is refused with the element named and leaves nothing deployed, and four eyes
 * hold whatever the model says.
 */
class DeploymentSecurityTest extends HttpTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** What every model in bpmn/ says: the retention's default. */
    private static final String RETENTION_TTL = "camunda:historyTimeToLive=\"2557\"";

    @Autowired ExpertFixtures experts;
    @Autowired ProcessEngine engine;

    static Stream<Arguments> attacks() {
        return Stream.of(
                Arguments.of("script task", Map.of("evil.bpmn", process("""
                        <startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="Task_Script"/>
                        <scriptTask id="Task_Script" scriptFormat="javascript"><script>java.lang.Runtime.getRuntime()</script></scriptTask>""")),
                        List.of("Task_Script", "script tasks")),
                Arguments.of("camunda:class", Map.of("evil.bpmn", process("""
                        <startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="Task_Class"/>
                        <serviceTask id="Task_Class" camunda:class="org.gatehouse.demo.DemoData"/>""")),
                        List.of("Task_Class", "org.gatehouse.demo.DemoData")),
                Arguments.of("an expression reaching the engine", Map.of("evil.bpmn", process("""
                        <startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="Task_Engine"/>
                        <serviceTask id="Task_Engine" camunda:resultVariable="users"
                          camunda:expression="${execution.processEngineServices.identityService.createUserQuery().list()}"/>""")),
                        List.of("Task_Engine", "execution.processEngineServices")),
                Arguments.of("a timer start reading users", Map.of("evil.bpmn", process("""
                        <startEvent id="Start_Timer"><timerEventDefinition><timeCycle>R/PT1M</timeCycle></timerEventDefinition></startEvent>
                        <sequenceFlow id="f" sourceRef="Start_Timer" targetRef="Task_Users"/>
                        <serviceTask id="Task_Users" camunda:resultVariable="users"
                          camunda:expression="${execution.getProcessEngine().getIdentityService().createUserQuery().list()}"/>""")),
                        List.of("Start_Timer", "Task_Users", "execution.getProcessEngine")),
                Arguments.of("a JUEL decision", Map.of("evil.dmn", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Evil" name="evil" namespace="t">
                          <decision id="evil-decision" name="evil">
                            <decisionTable id="Table_Evil">
                              <input id="Input_Evil"><inputExpression id="In_Juel" typeRef="string" expressionLanguage="juel">
                                <text>${execution.processEngineServices.identityService}</text></inputExpression></input>
                              <output id="Out_Evil" name="x" typeRef="string"/>
                            </decisionTable>
                          </decision>
                        </definitions>"""), List.of("In_Juel", "juel")),
                Arguments.of("an embedded form", Map.of("evil.bpmn", process("""
                        <startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="Task_Form"/>
                        <userTask id="Task_Form" camunda:formKey="embedded:deployment:steal.html"/>""")),
                        List.of("Task_Form", "embedded:deployment:steal.html")),
                Arguments.of("an HTML resource", Map.of("steal.html", "<script>fetch('/engine-rest/user')</script>"),
                        List.of("steal.html", "embedded HTML forms")),
                Arguments.of("a process catching a message Gatehouse correlates", Map.of("evil.bpmn", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
                          <message id="Message_Stolen" name="PartnerAccepted"/>
                          <process id="evil" isExecutable="true" camunda:historyTimeToLive="2557">
                            <startEvent id="Start_Stolen"><messageEventDefinition messageRef="Message_Stolen"/></startEvent>
                          </process>
                        </definitions>"""), List.of("PartnerAccepted", "external-access-request")),
                Arguments.of("a process that does not say how long its history is kept", Map.of("evil.bpmn", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
                          <process id="evil" isExecutable="true"><startEvent id="s"/></process>
                        </definitions>"""), List.of("'evil'", "camunda:historyTimeToLive is missing", "2557 days",
                        HistoryProperties.RETENTION)),
                Arguments.of("an access request without its approval task", Map.of("external-access-request.bpmn", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
                          <process id="external-access-request" isExecutable="true" camunda:historyTimeToLive="2557"><startEvent id="s"/></process>
                        </definitions>"""), List.of("hostAdminApproval", "four-eyes")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void aDeploymentThatCouldRunCodeIsRefusedAndNothingIsDeployed(String attack, Map<String, String> resources,
            List<String> named) {
        String name = "attack-" + COUNTER.incrementAndGet();
        ResponseEntity<JsonNode> refused = deploy("paul", name, resources);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("type").asText()).isEqualTo("ParseException");
        assertThat(refused.getBody().get("message").asText()).contains(named);
        assertThat(api.as("paul").get("/engine-rest/deployment?name=" + name + "&maxResults=5").getBody()).isEmpty();
        assertThat(api.as("paul").get("/engine-rest/process-definition?key=evil&maxResults=5").getBody()).isEmpty();
        assertThat(api.as("paul").get("/engine-rest/decision-definition?key=evil-decision&maxResults=5").getBody()).isEmpty();
    }

    /** Gatehouse's own model of the request, deployed again by paul: it names no four-eyes listener, yet holds it. */
    @Test
    void anAccessRequestVersionWithoutTheListenerStillKeepsTheRequesterOffTheirApproval() throws IOException {
        Map<String, String> resources = TestBundles.next(engine);
        assertThat(resources.get("external-access-request.bpmn")).doesNotContain("excludeRequesterFromApproval");
        ResponseEntity<JsonNode> deployed = deploy("paul", "access-without-listener", resources);
        assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
        String deployment = deployed.getBody().get("id").asText();
        try {
            var draft = fixtures.draft("Globex", LocalDate.now().plusMonths(2));
            ResponseEntity<JsonNode> filed = api.as("bob").post("/api/access-requests", Map.of("workspace", draft.workspace(),
                    "channelName", draft.channelName(), "partnerOrganisation", draft.partnerOrganisation(),
                    "partnerContactName", draft.partnerContactName(), "partnerContactEmail", draft.partnerContactEmail(),
                    "projectName", draft.projectName(), "endDate", draft.endDate().toString(), "purpose", draft.purpose()));
            assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            String request = filed.getBody().get("id").asText();
            var instance = fixtures.instance(request);
            driver.runJobs(instance.getId());
            assertThat(api.as("admin").get("/engine-rest/process-definition/" + instance.getProcessDefinitionId())
                    .getBody().get("deploymentId").asText()).as("paul's version runs").isEqualTo(deployment);

            String byKey = "/engine-rest/task?processInstanceBusinessKey=" + request + "&maxResults=5";
            JsonNode tasks = api.as("carol").get(byKey).getBody();
            assertThat(tasks.findValuesAsText("taskDefinitionKey")).containsExactly("hostAdminApproval");
            String task = tasks.get(0).get("id").asText();

            // bob is a workspace admin, a candidate for the task were it not his own request
            assertThat(api.as("bob").get(byKey).getBody()).isEmpty();
            assertThat(api.as("bob").get("/engine-rest/task/" + task).getStatusCode().is4xxClientError()).isTrue();
            assertThat(api.as("bob").post("/engine-rest/task/" + task + "/claim", Map.of("userId", "bob")).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.as("bob").post("/engine-rest/task/" + task + "/complete", variables(Map.of("approved", true)))
                    .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.as("carol").post("/engine-rest/task/" + task + "/complete", variables(Map.of("approved", true)))
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        } finally {
            // with its instances and their history: an admin's right alone
            rest.withBasicAuth("admin", "admin").delete("/engine-rest/deployment/" + deployment + "?cascade=true");
        }
    }

    /** An admin holds every right by grants; the approval they asked for is still not theirs to answer. */
    @Test
    void whoeverAsksForAnApprovalCannotAnswerIt() {
        String approver = experts.newEmployee();
        String id = api.as("admin").post("/api/approvals", Map.of("approver", approver, "subject", "My own budget"))
                .getBody().get("id").asText();
        driver.runJobs(driver.instance(id).getId());
        String task = api.as(approver).get("/engine-rest/task?maxResults=5&processInstanceBusinessKey=" + id).getBody()
                .get(0).get("id").asText();

        assertThat(api.as("admin").post("/engine-rest/task/" + task + "/complete", variables(Map.of("approved", true)))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as(approver).post("/engine-rest/task/" + task + "/complete", variables(Map.of("approved", true)))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void whoeverInvitesAnExpertCannotAcceptForThem() {
        String invitee = experts.newEmployee();
        String id = api.as("admin").post("/api/experts/invitations", Map.of("personId", invitee)).getBody().get("id").asText();
        driver.runJobs(driver.instance(id).getId());
        String task = api.as(invitee).get("/engine-rest/task?maxResults=5&processInstanceBusinessKey=" + id).getBody()
                .get(0).get("id").asText();

        assertThat(api.as("admin").post("/engine-rest/task/" + task + "/complete", variables(Map.of("accepted", true)))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as(invitee).post("/engine-rest/task/" + task + "/complete", variables(Map.of("accepted", false)))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /**
     * Gatehouse's bundle with one decision keeping its history a year and one process not saying: refused whole,
     * each named, and the deployed bundle stays the latest.
     */
    @Test
    void aBundleKeepingAnyHistoryShorterThanTheRetentionIsRefusedWhole() throws IOException {
        String latest = ModelBundles.latestVersion(engine.getRepositoryService()).orElseThrow();
        Map<String, String> bundle = TestBundles.next(engine);
        bundle.put("nda-check.dmn", bundle.get("nda-check.dmn").replace(RETENTION_TTL, "camunda:historyTimeToLive=\"365\""));
        bundle.put("notification.bpmn", bundle.get("notification.bpmn").replace(" " + RETENTION_TTL, ""));

        ResponseEntity<JsonNode> refused = deploy("paul", "shorter-" + COUNTER.incrementAndGet(), bundle);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("message").asText()).contains(
                "nda-check.dmn: 'nda-check': camunda:historyTimeToLive=\"365\" is refused",
                "notification.bpmn: 'notification': camunda:historyTimeToLive is missing",
                "2557 days (" + HistoryProperties.RETENTION + ")");
        assertThat(ModelBundles.latestVersion(engine.getRepositoryService())).hasValue(latest);
    }

    /** The retention or longer, in days or as ISO: deployed, and the engine keeps what the model says. */
    @Test
    void aBundleKeepingHistoryForTheRetentionOrLongerIsDeployed() throws IOException {
        Map<String, String> bundle = TestBundles.next(engine);
        bundle.put("approval.bpmn", bundle.get("approval.bpmn").replace(RETENTION_TTL, "camunda:historyTimeToLive=\"P2557D\""));
        bundle.put("ticket-routing.dmn", bundle.get("ticket-routing.dmn").replace(RETENTION_TTL,
                "camunda:historyTimeToLive=\"3650\""));
        ResponseEntity<JsonNode> deployed = deploy("paul", "longer-" + COUNTER.incrementAndGet(), bundle);
        assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
        try {
            assertThat(api.as("paul").get("/engine-rest/process-definition/key/approval").getBody()
                    .get("historyTimeToLive").asInt()).isEqualTo(2557);
            assertThat(api.as("paul").get("/engine-rest/decision-definition/key/ticket-routing").getBody()
                    .get("historyTimeToLive").asInt()).isEqualTo(3650);
        } finally {
            api.as("admin").delete("/engine-rest/deployment/" + deployed.getBody().get("id").asText() + "?cascade=true");
        }
    }

    /**
     * Once deployed, nobody lowers a definition's time-to-live below the retention, not even an admin (the setting
     * is the one place it is set); raising it stays possible.
     */
    @Test
    void nobodyShortensTheHistoryOfADeployedDefinition() {
        String process = "/engine-rest/process-definition/" + api.as("admin")
                .get("/engine-rest/process-definition/key/approval").getBody().get("id").asText();
        String decision = "/engine-rest/decision-definition/" + api.as("admin")
                .get("/engine-rest/decision-definition/key/nda-check").getBody().get("id").asText();
        for (String definition : List.of(process, decision)) {
            for (String user : List.of("admin", "paul")) {
                ResponseEntity<JsonNode> refused = api.as(user).put(definition + "/history-time-to-live",
                        Map.of("historyTimeToLive", 30));
                assertThat(refused.getStatusCode()).as(user + " " + definition).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(refused.getBody().get("message").asText()).contains("30 days", "2557 days",
                        HistoryProperties.RETENTION);
            }
            assertThat(api.as("admin").get(definition).getBody().get("historyTimeToLive").asInt()).isEqualTo(2557);
            try {
                assertThat(api.as("admin").put(definition + "/history-time-to-live", Map.of("historyTimeToLive", 3000))
                        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
                assertThat(api.as("admin").get(definition).getBody().get("historyTimeToLive").asInt()).isEqualTo(3000);
            } finally {
                api.as("admin").put(definition + "/history-time-to-live", Map.of("historyTimeToLive", 2557));
            }
        }
    }

    /**
     * Deleting a deployment with cascade deletes its instances' history at once: a process owner deletes one only
     * without cascade, which keeps the history of its finished instances (here an approval that ran on it).
     */
    @Test
    void aProcessOwnerDeletesADeploymentButNotTheHistoryOfItsInstances() throws IOException {
        String deployment = deploy("paul", "owners-" + COUNTER.incrementAndGet(), TestBundles.next(engine))
                .getBody().get("id").asText();
        String approver = experts.newEmployee();
        String approval = api.as("admin").post("/api/approvals", Map.of("approver", approver, "subject", "Kept history"))
                .getBody().get("id").asText();
        String instance = driver.instance(approval).getId();
        assertThat(engine.getRepositoryService().getProcessDefinition(driver.instance(approval).getProcessDefinitionId())
                .getDeploymentId()).as("the approval runs on paul's deployment").isEqualTo(deployment);
        driver.runJobs(instance);
        String task = api.as(approver).get("/engine-rest/task?maxResults=5&processInstanceBusinessKey=" + approval)
                .getBody().get(0).get("id").asText();
        assertThat(api.as(approver).post("/engine-rest/task/" + task + "/complete", variables(Map.of("approved", true)))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        driver.runJobs(instance);

        ResponseEntity<JsonNode> refused = api.as("paul").delete("/engine-rest/deployment/" + deployment + "?cascade=true");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody().get("message").asText()).contains("cascade", HistoryProperties.RETENTION);
        assertThat(api.as("paul").get("/engine-rest/deployment/" + deployment).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(api.as("paul").delete("/engine-rest/deployment/" + deployment).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.as("paul").get("/engine-rest/deployment/" + deployment).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> kept = api.as("aude").get("/engine-rest/history/process-instance/" + instance);
        assertThat(kept.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(kept.getBody().get("state").asText()).isEqualTo("COMPLETED");
    }

    private static String process(String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
                  <process id="evil" isExecutable="true" camunda:historyTimeToLive="2557">%s</process>
                </definitions>""".formatted(elements);
    }

    private ResponseEntity<JsonNode> deploy(String user, String name, Map<String, String> resources) {
        ResponseEntity<String> response = rest.withBasicAuth(user, user).postForEntity("/engine-rest/deployment/create",
                TestBundles.multipart(name, resources), String.class);
        return new ResponseEntity<>(Api.json(response.getBody()), response.getHeaders(), response.getStatusCode());
    }
}
