package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gatehouse.Api.variables;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.gatehouse.HttpTest;
import org.gatehouse.access.AccessRequestFixtures;
import org.gatehouse.access.AccessRequestView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * Issue 8's side doors, tried as an attacker would with a demo account and the engine REST API the README documents:
 * each is refused, and the domain is as it was.
 */
class SideDoorTest extends HttpTest {

    @Autowired ProcessEngine engine;

    @Test
    void nobodyButAdminsStartsAGatehouseProcessAtAnActivity() {
        AccessRequestView waiting = fixtures.submit("dave", "Initech", LocalDate.now().plusMonths(3));
        assertThat(waiting.status()).isEqualTo("AWAITING_NDA");

        for (ProcessDefinition definition : engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()) {
            String activity = engine.getRepositoryService().getBpmnModelInstance(definition.getId())
                    .getModelElementsByType(ServiceTask.class).iterator().next().getId();
            for (String user : List.of("dave", "hana")) {
                var answer = api.as(user).post("/engine-rest/process-definition/key/" + definition.getKey() + "/start",
                        Map.of("businessKey", waiting.id(), "skipCustomListeners", true, "skipIoMappings", true,
                                "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", activity))));
                // 404 where the user may not even read the definition
                assertThat(answer.getStatusCode()).as("%s starting %s at %s", user, definition.getKey(), activity)
                        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
            }
        }
        // the attack of the issue: straight to Connect, with no NDA and no approval
        var connect = api.as("dave").post("/engine-rest/process-definition/key/external-access-request/start",
                Map.of("businessKey", waiting.id(), "startInstructions",
                        List.of(Map.of("type", "startBeforeActivity", "activityId", "Activity_Connect"))));
        assertThat(connect.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(connect.getBody().get("message").asText()).contains("dave", "may not");
        assertThat(status(waiting.id(), "dave")).isEqualTo("AWAITING_NDA");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(waiting.id())
                .rootProcessInstances().count()).isEqualTo(1);
    }

    @Test
    void aStartCarriesNeitherAChosenBusinessKeyNorUndeclaredVariables() {
        Map<String, Object> form = AccessRequestFixtures.fields(fixtures.draft("Globex", LocalDate.now().plusMonths(2)));
        String start = "/engine-rest/process-definition/key/external-access-request/start";

        var chosenKey = new HashMap<String, Object>(variables(form));
        chosenKey.put("businessKey", "my-own-key");
        assertThat(api.as("bob").post(start, chosenKey).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        for (String spoof : List.of("initiator", "requester", "policyAllowed", "hostApprover")) {
            var spoofed = new HashMap<>(form);
            spoofed.put(spoof, "alice");
            var answer = api.as("bob").post("/engine-rest/process-definition/key/external-access-request/submit-form",
                    variables(spoofed));
            assertThat(answer.getStatusCode()).as(spoof).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(answer.getBody().get("message").asText()).contains(spoof);
        }
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("external-access-request")
                .variableValueEquals("projectName", form.get("projectName")).count()).isZero();

        // the Tasklist start form itself still works, and the request is the signed-in user's
        var started = api.as("bob").post("/engine-rest/process-definition/key/external-access-request/submit-form",
                variables(form));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String requestId = started.getBody().get("businessKey").asText();
        assertThat(api.as("bob").get("/api/access-requests/" + requestId).getBody().get("requester").asText()).isEqualTo("bob");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(requestId)
                .processDefinitionKey("external-access-request").singleResult().getStartUserId()).isEqualTo("bob");
    }

    @Test
    void aTaskCompletionWritesOnlyWhatItsFormAsks() {
        var request = fixtures.submit("alice", "Globex", LocalDate.now().plusMonths(3));
        var pi = fixtures.instance(request);
        driver.runJobs(pi.getId());
        String task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("hostAdminApproval").singleResult().getId();

        var forged = api.as("bob").post("/engine-rest/task/" + task + "/complete",
                variables(Map.of("approved", true, "hostApprover", "carol")));
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forged.getBody().get("message").asText()).contains("hostApprover");
        assertThat(api.as("bob").post("/engine-rest/task/" + task + "/submit-form",
                variables(Map.of("approved", true, "partnerApprover", "x@globex.example"))).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // the candidate's task rights do not reach the process's variables
        assertThat(api.as("bob").post("/engine-rest/task/" + task + "/variables",
                Map.of("modifications", Map.of("approved", Map.of("value", true)))).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("bob").put("/engine-rest/task/" + task + "/localVariables/approved", Map.of("value", true))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isOne();

        // a read-only field's copy is dropped: the process keeps its own requester
        assertThat(api.as("bob").post("/engine-rest/task/" + task + "/submit-form",
                variables(Map.of("approved", true, "requester", "bob"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), "requester")).isEqualTo("alice");
        assertThat(engine.getHistoryService().createUserOperationLogQuery().taskId(task)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).singleResult().getUserId()).isEqualTo("bob");
    }

    @Test
    void messagesSignalsVariablesAndJobsAreGatehousesOwn() {
        var request = fixtures.submit("dave", "Globex", LocalDate.now().plusMonths(3));
        var pi = fixtures.instance(request);

        assertThat(api.as("dave").post("/engine-rest/message", Map.of("messageName", "PartnerAccepted",
                "businessKey", request.id(), "processVariables", Map.of("partnerApprover", Map.of("value", "me@x.example"))))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("dave").post("/engine-rest/signal", Map.of("name", "anything")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("dave").put("/engine-rest/process-instance/" + pi.getId() + "/variables/ndaStatus",
                Map.of("value", "VALID")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("bob").post("/engine-rest/process-instance/" + pi.getId() + "/modification",
                Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Activity_Connect"))))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // the request's first asynchronous step waits as a job: a person may not run it
        String job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).list().stream()
                .findFirst().orElseThrow().getId();
        assertThat(api.as("dave").post("/engine-rest/job/" + job + "/execute", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine.getManagementService().createJobQuery().jobId(job).count()).isOne();
        assertThat(status(request.id(), "dave")).isEqualTo(request.status());
    }

    /** Java code that is not Gatehouse's own path gets no pass for lacking a user. */
    @Test
    void anUnmarkedCallWithoutAUserIsRefusedToo() {
        var request = fixtures.submit("dave", "Globex", LocalDate.now().plusMonths(3));
        assertThatThrownBy(() -> engine.getRuntimeService().createMessageCorrelation("PartnerAccepted")
                .processInstanceBusinessKey(request.id()).correlate())
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("without a signed-in user");
        assertThat(TrustedCalls.run(() -> engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(request.id()).count())).isOne();
    }

    /** The API names its caller to the engine: the start user of a request filed over the API is its requester. */
    @Test
    void theApiNamesItsCallerInTheEnginesHistory() {
        var filed = api.as("alice").post("/api/access-requests", fixtures.draft("Globex", LocalDate.now().plusMonths(2)));
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = filed.getBody().get("id").asText();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(id)
                .processDefinitionKey("external-access-request").singleResult().getStartUserId()).isEqualTo("alice");

        var ticket = api.as("alice").post("/api/tickets", Map.of("subject", "Payslip", "body", "My payslip is wrong",
                "category", "hr"));
        assertThat(ticket.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long ticketId = ticket.getBody().get("id").asLong();
        assertThat(api.as("hana").post("/api/tickets/" + ticketId + "/resolve", Map.of("body", "Fixed")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        var completion = engine.getHistoryService().createUserOperationLogQuery()
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).entityType("Task").list().stream()
                .filter(entry -> Long.toString(ticketId).equals(engine.getHistoryService().createHistoricProcessInstanceQuery()
                        .processInstanceId(entry.getProcessInstanceId()).singleResult().getBusinessKey()))
                .toList();
        assertThat(completion).extracting(UserOperationLogEntry::getUserId).containsOnly("hana").isNotEmpty();
    }

    private String status(String requestId, String user) {
        return api.as(user).get("/api/access-requests/" + requestId).getBody().get("status").asText();
    }
}
