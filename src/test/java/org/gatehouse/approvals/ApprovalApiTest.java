package org.gatehouse.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.Api.assertProblem;
import static org.gatehouse.Api.variables;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.gatehouse.HttpTest;
import org.gatehouse.experts.ExpertFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Approvals over HTTP: an expert asks, an employee who never signs in answers by the link. */
class ApprovalApiTest extends HttpTest {

    @Autowired ExpertFixtures experts;

    @Test
    void anImportedEmployeeWithoutPasswordApprovesByLinkOnce() {
        String expert = experts.newExpert();
        String approver = experts.newImportedEmployee();
        assertThat(api.as(approver).get("/api/approvals/none").getStatusCode()).as("imported: cannot sign in")
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<JsonNode> asked = api.as(expert).post("/api/approvals", Map.of("approver", approver,
                "subject", "Home office budget", "details", "Chair and screen", "subjectRef", "ticket-7"));
        assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = asked.getBody().get("id").asText();
        assertThat(asked.getHeaders().getLocation()).hasPath("/api/approvals/" + id);
        assertThat(asked.getBody().get("status").asText()).isEqualTo("PENDING");
        assertThat(asked.getBody().toString()).as("the link goes to the approver only").doesNotContain("/approvals/");
        driver.runJobs(driver.instance(id).getId());

        String link = "/approvals/" + experts.token(approver, "/approvals/");
        ResponseEntity<String> page = api.getText(link, MediaType.TEXT_HTML);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Home office budget").contains("Chair and screen").contains(link + "/approve")
                .contains(link + "/reject");
        assertThat(api.get(link).getBody().get("approver").asText()).startsWith("Ivo Imported");

        ResponseEntity<JsonNode> approved = api.post(link + "/approve", Map.of("comment", "Go ahead"));
        assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(approved.getBody().get("result").asText()).isEqualTo("approved");
        JsonNode approval = api.as(expert).get("/api/approvals/" + id).getBody();
        assertThat(approval.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approval.get("answeredVia").asText()).isEqualTo("LINK");
        assertThat(approval.get("answeredBy").asText()).isEqualTo(approver);
        assertThat(approval.get("comment").asText()).isEqualTo("Go ahead");

        assertProblem(api.post(link + "/reject", null), HttpStatus.CONFLICT, "token");
        assertThat(api.post(link + "/approve", null).getStatusCode()).as("single use").isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.get("/approvals/made-up-token").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.post("/approvals/made-up-token/approve", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as("alice").get("/api/approvals/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anExpiredLinkIsRefused() {
        String expert = experts.newExpert();
        String approver = experts.newEmployee();
        String id = api.as(expert).post("/api/approvals", Map.of("approver", approver, "subject", "Overtime",
                "dueIn", "P1D")).getBody().get("id").asText();
        String pi = driver.instance(id).getId();
        driver.runJobs(pi);
        String link = "/approvals/" + experts.token(approver, "/approvals/");

        driver.fireTimer(pi, "Event_ApprovalExpires");
        assertThat(api.as(approver).get("/api/approvals/" + id).getBody().get("status").asText()).isEqualTo("EXPIRED");
        assertProblem(api.post(link + "/approve", null), HttpStatus.CONFLICT, "token");
        assertThat(api.getText(link, MediaType.TEXT_HTML).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void theApproverAnswersInTasklistWithTheForm() {
        String expert = experts.newExpert();
        String approver = experts.newEmployee();
        String id = api.as(expert).post("/api/approvals", Map.of("approver", approver, "subject", "Training course"))
                .getBody().get("id").asText();
        driver.runJobs(driver.instance(id).getId());

        JsonNode task = api.as(approver).get("/engine-rest/task?maxResults=5&processInstanceBusinessKey=" + id).getBody()
                .get(0);
        assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("approve");
        String taskId = task.get("id").asText();
        assertThat(api.as(approver).get("/engine-rest/task/" + taskId + "/deployed-form").getBody().get("id").asText())
                .isEqualTo("approve-request");
        assertThat(api.as(expert).post("/engine-rest/task/" + taskId + "/complete", variables(Map.of("approved", true)))
                .getStatusCode()).as("only the approver answers").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as(approver).post("/engine-rest/task/" + taskId + "/complete",
                variables(Map.of("approved", false, "approvalComment", "Next year"))).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode approval = api.as(approver).get("/api/approvals/" + id).getBody();
        assertThat(approval.get("status").asText()).isEqualTo("REJECTED");
        assertThat(approval.get("answeredVia").asText()).isEqualTo("TASKLIST");
        assertThat(approval.get("comment").asText()).isEqualTo("Next year");
    }

    @Test
    void onlyExpertsAskAndBadInputNamesTheField() {
        String approver = experts.newEmployee();
        assertThat(api.as("alice").post("/api/approvals", Map.of("approver", approver, "subject", "Anything"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.post("/api/approvals", Map.of("approver", approver, "subject", "Anything")).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        String expert = experts.newExpert();
        assertProblem(api.as(expert).post("/api/approvals", Map.of("approver", approver)), HttpStatus.BAD_REQUEST, "subject");
        assertProblem(api.as(expert).post("/api/approvals", Map.of("approver", expert, "subject", "Mine")),
                HttpStatus.BAD_REQUEST, "approver");
        assertProblem(api.as(expert).post("/api/approvals", Map.of("approver", approver, "subject", "Later", "dueIn", "P1Y")),
                HttpStatus.BAD_REQUEST, "dueIn");
    }

    @Test
    void anExpertAsksFromTasklistsStartFormAndOnlyItsFieldsAreTaken() {
        String expert = experts.newExpert();
        String approver = experts.newEmployee();
        String start = "/engine-rest/process-definition/key/approval";
        assertThat(api.as(expert).get(start + "/deployed-start-form").getBody().get("id").asText())
                .isEqualTo("approval-start");

        assertThat(api.as(expert).post(start + "/submit-form", variables(Map.of("approver", approver,
                "subject", "New monitor", "requestedBy", "alice"))).getStatusCode())
                .as("a start variable its form does not declare").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> started = api.as(expert).post(start + "/submit-form", variables(Map.of(
                "approver", approver, "subject", "New monitor", "details", "27 inch", "dueIn", "P2D")));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode approval = api.as(expert).get("/api/approvals/" + started.getBody().get("businessKey").asText()).getBody();
        assertThat(approval.get("requestedBy").asText()).as("the signed-in starter").isEqualTo(expert);
        assertThat(approval.get("subject").asText()).isEqualTo("New monitor");

        assertThat(api.as("alice").post(start + "/submit-form", variables(Map.of("approver", approver,
                "subject", "Anything"))).getStatusCode()).as("requesters ask for no approvals").isEqualTo(HttpStatus.FORBIDDEN);
    }
}
