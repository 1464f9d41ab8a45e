package org.gatehouse.experts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.Api.variables;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gatehouse.HttpTest;
import org.gatehouse.teams.TeamFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** C6, C7 over HTTP: an expert names a colleague, who answers by the link or in Tasklist and then works team tasks. */
class ExpertOnboardingApiTest extends HttpTest {

    @Autowired ExpertFixtures experts;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired JdbcClient jdbc;

    @Test
    void anExpertInvitesAColleagueWhoAcceptsAndThenClaimsATeamTask() {
        String expert = experts.newExpert();
        String colleague = experts.newEmployee();
        String otherExpert = experts.newExpert();

        ResponseEntity<JsonNode> invited = api.as(expert).post("/api/experts/invitations", Map.of("personId", colleague));
        assertThat(invited.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = invited.getBody().get("id").asText();
        assertThat(invited.getHeaders().getLocation()).hasPath("/api/experts/invitations/" + id);
        assertThat(invited.getBody().get("status").asText()).isEqualTo("PENDING");
        assertThat(invited.getBody().get("invitedBy").asText()).isEqualTo(expert);
        assertThat(invited.getBody().toString()).as("the link goes to the invitee only").doesNotContain("/expert-invitations/");
        driver.runJobs(driver.instance(id).getId());

        String link = "/expert-invitations/" + experts.token(colleague);
        ResponseEntity<String> page = api.getText(link, MediaType.TEXT_HTML);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Conversations Expert").contains("Xena Number").contains(link + "/accept");
        assertThat(api.get(link).getBody().get("invitedBy").asText()).isEqualTo("Xena Number " + expert.substring(6));

        JsonNode task = api.as(colleague).get("/engine-rest/task?maxResults=5&processInstanceBusinessKey=" + id).getBody()
                .get(0);
        assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("acceptInvitation");
        assertThat(task.get("assignee").asText()).isEqualTo(colleague);
        assertThat(api.as(colleague).get("/engine-rest/task/" + task.get("id").asText() + "/deployed-form").getBody()
                .get("id").asText()).isEqualTo("accept-expert-invitation");

        ResponseEntity<JsonNode> accepted = api.post(link + "/accept", null);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(accepted.getBody().get("result").asText()).isEqualTo("accepted");
        JsonNode invitation = api.as(expert).get("/api/experts/invitations/" + id).getBody();
        assertThat(invitation.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(invitation.get("answeredVia").asText()).isEqualTo("LINK");
        assertThat(api.post(link + "/accept", null).getStatusCode()).as("single use").isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.as(colleague).get("/api/experts/invitations/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.as("alice").get("/api/experts/invitations/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        String slug = "payroll-" + id.substring(0, 8);
        assertThat(api.as(expert).post("/api/teams", TeamFixtures.team(slug, "Payroll", List.of(expert))).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(api.as(colleague).put("/api/teams/" + slug + "/members/" + colleague, null).getStatusCode())
                .as("the new expert manages teams too").isEqualTo(HttpStatus.OK);

        Task question = tasks.newTask();
        question.setName("Payslip question");
        tasks.saveTask(question);
        tasks.addCandidateGroup(question.getId(), "team-" + slug);
        try {
            String claim = "/engine-rest/task/" + question.getId() + "/claim";
            assertThat(api.as(otherExpert).get("/engine-rest/task/" + question.getId()).getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(api.as(otherExpert).post(claim, Map.of("userId", otherExpert)).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.as(colleague).get("/engine-rest/task?maxResults=5&candidateGroup=team-" + slug).getBody()
                    .findValuesAsText("id")).containsExactly(question.getId());
            assertThat(api.as(colleague).post(claim, Map.of("userId", colleague)).getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(tasks.createTaskQuery().taskId(question.getId()).singleResult().getAssignee()).isEqualTo(colleague);
        } finally {
            tasks.deleteTask(question.getId(), true);
        }
    }

    @Test
    void anExpertNamesAnExpertFromTasklistAndTheInviteeAnswersThere() {
        String expert = experts.newExpert();
        String invitee = experts.newEmployee();
        String start = "/engine-rest/process-definition/key/expert-onboarding";
        assertThat(api.as(expert).get(start + "/deployed-start-form").getBody().get("id").asText())
                .isEqualTo("expert-invitation-start");

        ResponseEntity<JsonNode> spoofed = api.as(expert).post(start + "/submit-form",
                variables(Map.of("personId", invitee, "invitedBy", "alice")));
        assertThat(spoofed.getStatusCode()).as("a start variable its form does not declare").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> started = api.as(expert).post(start + "/submit-form", variables(Map.of("personId", invitee)));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String id = started.getBody().get("businessKey").asText();
        assertThat(api.as(expert).get("/api/experts/invitations/" + id).getBody().get("invitedBy").asText())
                .as("the signed-in starter").isEqualTo(expert);
        driver.runJobs(started.getBody().get("id").asText());

        String task = api.as(invitee).get("/engine-rest/task?maxResults=5&processInstanceBusinessKey=" + id).getBody()
                .get(0).get("id").asText();
        assertThat(api.as(expert).post("/engine-rest/task/" + task + "/complete", variables(Map.of("accepted", true)))
                .getStatusCode()).as("only the invitee answers").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as(invitee).post("/engine-rest/task/" + task + "/complete", variables(Map.of("accepted", true)))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(experts.isExpert(invitee)).isTrue();
        assertThat(api.as(invitee).get("/api/teams").getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(api.as("alice").post(start + "/submit-form", variables(Map.of("personId", experts.newEmployee())))
                .getStatusCode()).as("requesters name no experts").isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aDeclineThroughTheLinkChangesNothing() {
        String invitee = experts.newEmployee();
        String id = api.as("admin").post("/api/experts/invitations", Map.of("personId", invitee)).getBody().get("id").asText();
        driver.runJobs(driver.instance(id).getId());
        String link = "/expert-invitations/" + experts.token(invitee);
        assertThat(api.post(link + "/decline", Map.of("reason", "Not now")).getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode invitation = api.as("admin").get("/api/experts/invitations/" + id).getBody();
        assertThat(invitation.get("status").asText()).isEqualTo("DECLINED");
        assertThat(invitation.get("declineReason").asText()).isEqualTo("Not now");
        assertThat(experts.isExpert(invitee)).isFalse();
        assertThat(api.get(link).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.as("admin").get("/api/experts/invitations?status=DECLINED&personId=" + invitee).getBody()
                .findValuesAsText("id")).containsExactly(id);
    }

    @Test
    void anInvitationForAnInactiveEmployeeIsRefusedAndStartsNothing() {
        String inactive = experts.newEmployee();
        assertThat(api.as("admin").post("/api/directory/people/" + inactive + "/deactivate", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        String expert = experts.newExpert();
        long instances = history.createHistoricProcessInstanceQuery().processDefinitionKey("expert-onboarding").count();
        long invitations = jdbc.sql("select count(*) from expert_invitation").query(Long.class).single();

        assertPersonIdRefused(api.as("admin").post("/api/experts/invitations", Map.of("personId", inactive)), HttpStatus.CONFLICT);
        assertPersonIdRefused(api.as("admin").post("/api/experts/invitations", Map.of("personId", "admin")), HttpStatus.BAD_REQUEST);
        assertPersonIdRefused(api.as("admin").post("/api/experts/invitations", Map.of("personId", expert)), HttpStatus.CONFLICT);
        assertPersonIdRefused(api.as("admin").post("/api/experts/invitations", Map.of()), HttpStatus.BAD_REQUEST);
        assertThat(api.as("alice").post("/api/experts/invitations", Map.of("personId", "dave")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("alice").get("/api/experts/invitations").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("expert-onboarding").count())
                .isEqualTo(instances);
        assertThat(jdbc.sql("select count(*) from expert_invitation").query(Long.class).single()).isEqualTo(invitations);
        assertThat(api.get("/expert-invitations/made-up-token").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.post("/expert-invitations/made-up-token/accept", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static void assertPersonIdRefused(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly("personId");
    }
}
