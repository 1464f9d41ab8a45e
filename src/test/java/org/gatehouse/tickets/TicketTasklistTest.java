package org.gatehouse.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.Api.variables;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.gatehouse.HttpTest;
import org.gatehouse.experts.ExpertFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What an expert does in Tasklist, through the engine REST API Tasklist calls: the team's members, and only they,
 * see the ticket's task; its form shows the conversation and the requester; claiming and completing it move the
 * ticket, as the signed-in expert whatever the form sends; the form's note, collaborator and transfer go through the
 * API's own checks; triage chooses among the teams there are.
 */
class TicketTasklistTest extends HttpTest {

    @Autowired ExpertFixtures experts;
    @Autowired TicketService tickets;

    private long file(String requester, String body, String category) {
        var filed = api.as(requester).post("/api/tickets", category == null ? Map.of("body", body)
                : Map.of("body", body, "category", category)).getBody();
        return filed.get("id").asLong();
    }

    private JsonNode task(String user, long ticket) {
        // Tasklist always bounds its queries (queryMaxResultsLimit)
        JsonNode found = api.as(user).get("/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + ticket).getBody();
        return found.isEmpty() ? null : found.get(0);
    }

    /** The task ids Tasklist lists under one of its filters for this user. */
    private java.util.List<String> filtered(String user, String filter) {
        JsonNode found = api.as(user).get("/engine-rest/filter?maxResults=50&name=" + filter).getBody();
        assertThat(found).as(user + " reads the filter " + filter).hasSize(1);
        return api.as(user).post("/engine-rest/filter/" + found.get(0).get("id").asText() + "/list?maxResults=200",
                Map.of()).getBody().findValuesAsText("id");
    }

    @Test
    void theTeamHandlesTheTicketInTasklist() {
        String requester = experts.newEmployee();
        long id = file(requester, "Can I carry over my leave days to next year?", "hr");
        assertThat(task("ivy", id)).as("IT's expert does not see HR's tasks").isNull();
        JsonNode task = task("hana", id);
        assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("handleTicket");
        String taskId = task.get("id").asText();
        assertThat(filtered("hana", "Tickets")).contains(taskId);
        assertThat(filtered("ivy", "Tickets")).doesNotContain(taskId);

        JsonNode form = api.as("hana").get("/engine-rest/task/" + taskId + "/deployed-form").getBody();
        assertThat(form.get("id").asText()).isEqualTo("handle-ticket");
        JsonNode shown = api.as("hana").get("/engine-rest/task/" + taskId + "/form-variables").getBody();
        assertThat(shown.get("conversation").get("value").asText()).contains("carry over my leave days");
        assertThat(shown.get("requesterProfile").get("value").asText()).contains("name: Xena");
        assertThat(shown.get("ticketReference").get("value").asText()).isEqualTo("T-" + id);

        assertThat(api.as("hana").post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "hana"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tickets.get(id).assignee()).isEqualTo("hana");
        assertThat(tickets.get(id).status()).isEqualTo(Ticket.Status.OPEN);

        ResponseEntity<JsonNode> noQuestion = api.as("hana").post("/engine-rest/task/" + taskId + "/submit-form",
                variables(Map.of("ticketAction", "WAIT_FOR_REQUESTER")));
        assertThat(noQuestion.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(noQuestion.getBody().get("message").asText()).contains("Tell the requester what you are waiting for");
        ResponseEntity<JsonNode> unknown = api.as("hana").post("/engine-rest/task/" + taskId + "/submit-form",
                variables(Map.of("ticketAction", "MAYBE_LATER")));
        assertThat(unknown.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(unknown.getBody().get("message").asText()).contains("ticketAction must be RESOLVE, WAIT_FOR_REQUESTER or KEEP");

        assertThat(api.as("hana").post("/engine-rest/task/" + taskId + "/submit-form", variables(Map.of(
                "ticketAction", "WAIT_FOR_REQUESTER", "reply", "How many days are left?", "handledBy", "ivy")))
                .getStatusCode()).as("a variable its form does not declare").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("hana").post("/engine-rest/task/" + taskId + "/submit-form", variables(Map.of(
                "ticketAction", "WAIT_FOR_REQUESTER", "reply", "How many days are left?")))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tickets.get(id).status()).isEqualTo(Ticket.Status.PENDING);
        assertThat(tickets.view(id, "hana").messages()).last().satisfies(m -> {
            assertThat(m.author()).as("the signed-in expert").isEqualTo("hana");
            assertThat(m.via()).isEqualTo("TASKLIST");
            assertThat(m.body()).isEqualTo("How many days are left?");
        });

        // the requester answers: the new task's form starts empty, and a long reply over the API is no engine variable
        api.as(requester).post("/api/tickets/" + id + "/answers", Map.of("body", "I took 10 days this year."));
        String next = task("hana", id).get("id").asText();
        JsonNode again = api.as("hana").get("/engine-rest/task/" + next + "/form-variables").getBody();
        assertThat(again.has("reply")).isFalse();
        assertThat(again.has("ticketAction")).isFalse();
        assertThat(again.get("conversation").get("value").asText()).contains("I took 10 days this year.");
        String longReply = "You have 15 days left. " + "The details of the rule follow. ".repeat(400);
        assertThat(api.as("hana").post("/api/tickets/" + id + "/resolve", Map.of("body", longReply)).getBody()
                .get("status").asText()).isEqualTo("RESOLVED");
        assertThat(tickets.view(id, "hana").messages()).last().satisfies(m -> assertThat(m.body()).isEqualTo(longReply.strip()));
    }

    @Test
    void theHandlingFormAddsANoteAndACollaboratorAndTransfersTheTicket() {
        String requester = experts.newEmployee();
        long id = file(requester, "Who pays for my train ticket to the client?", "hr");
        String taskId = task("hana", id).get("id").asText();
        JsonNode form = api.as("hana").get("/engine-rest/task/" + taskId + "/form-variables").getBody();
        assertThat(form.get("teamOptions").get("value").asText()).as("the other teams, for the transfer")
                .contains("finance=Finance", "it=IT").doesNotContain("hr=");
        api.as("hana").post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "hana"));

        ResponseEntity<JsonNode> noAddress = api.as("hana").post("/engine-rest/task/" + taskId + "/submit-form",
                variables(Map.of("ticketAction", "KEEP", "collaboratorEmail", "the travel agency")));
        assertThat(noAddress.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(noAddress.getBody().get("message").asText()).contains("is not an e-mail address");
        assertThat(api.as("hana").post("/engine-rest/task/" + taskId + "/submit-form", variables(Map.of(
                "ticketAction", "KEEP", "internalNote", "Travel policy 4.2 applies",
                "collaboratorEmail", "Bookings@Travel-Agency.example"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode kept = api.as("hana").get("/api/tickets/" + id).getBody();
        assertThat(kept.get("status").asText()).isEqualTo("OPEN");
        assertThat(kept.get("collaborators").toString()).contains("bookings@travel-agency.example");
        assertThat(kept.get("messages")).filteredOn(m -> m.get("kind").asText().equals("NOTE")).singleElement()
                .satisfies(m -> {
                    assertThat(m.get("author").asText()).as("the signed-in expert").isEqualTo("hana");
                    assertThat(m.get("via").asText()).isEqualTo("TASKLIST");
                    assertThat(m.get("body").asText()).isEqualTo("Travel policy 4.2 applies");
                });
        assertThat(api.as(requester).get("/api/tickets/" + id).getBody().get("messages").findValuesAsText("body"))
                .as("an internal note is not the requester's").doesNotContain("Travel policy 4.2 applies");
        JsonNode back = task("hana", id);
        assertThat(back.get("id").asText()).as("a new task").isNotEqualTo(taskId);
        assertThat(back.get("assignee").asText()).as("back to the expert who kept it").isEqualTo("hana");
        JsonNode again = api.as("hana").get("/engine-rest/task/" + back.get("id").asText() + "/form-variables").getBody();
        assertThat(again.has("internalNote")).as("the next form starts empty").isFalse();
        assertThat(again.has("collaboratorEmail")).isFalse();
        assertThat(again.get("conversation").get("value").asText()).contains("(internal note):\nTravel policy 4.2 applies");

        ResponseEntity<JsonNode> unknown = api.as("hana").post("/engine-rest/task/" + back.get("id").asText()
                + "/submit-form", variables(Map.of("ticketAction", "KEEP", "transferTo", "travel")));
        assertThat(unknown.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(unknown.getBody().get("message").asText()).contains("There is no team 'travel'");
        assertThat(api.as("hana").post("/engine-rest/task/" + back.get("id").asText() + "/submit-form",
                variables(Map.of("ticketAction", "KEEP", "transferTo", "finance"))).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tickets.get(id).team()).isEqualTo("finance");
        assertThat(task("hana", id)).as("HR no longer sees it").isNull();
        JsonNode finance = task("finn", id);
        assertThat(finance.get("assignee").isNull()).as("nobody in Finance holds it yet").isTrue();
        assertThat(filtered("finn", "Tickets")).contains(finance.get("id").asText());
    }

    @Test
    void triageInTasklistTakesOnlyATeamThatExists() {
        String requester = experts.newEmployee();
        long id = file(requester, "Who waters the plants in the office?", null);
        JsonNode task = task("finn", id);
        assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("triageTicket");
        String taskId = task.get("id").asText();
        assertThat(api.as("finn").get("/engine-rest/task/" + taskId + "/deployed-form").getBody().get("id").asText())
                .isEqualTo("triage-ticket");
        assertThat(task(requester, id)).as("requesters do not triage").isNull();
        assertThat(filtered("finn", "Triage")).contains(taskId);
        assertThat(api.as("finn").get("/engine-rest/task/" + taskId + "/form-variables").getBody().get("teamOptions")
                .get("value").asText()).as("the select's teams").contains("finance=Finance", "hr=HR", "it=IT", "legal=Legal");

        ResponseEntity<JsonNode> unknown = api.as("finn").post("/engine-rest/task/" + taskId + "/submit-form",
                variables(Map.of("routedTeam", "gardening")));
        assertThat(unknown.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(unknown.getBody().get("message").asText()).contains("There is no team 'gardening'");
        assertThat(api.as("finn").post("/engine-rest/task/" + taskId + "/submit-form",
                variables(Map.of("routedTeam", "finance"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tickets.get(id).team()).isEqualTo("finance");
        assertThat(tickets.view(id, "finn").history()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("ROUTED");
            assertThat(e.actor()).isEqualTo("finn");
        });
        assertThat(task("finn", id).get("taskDefinitionKey").asText()).isEqualTo("handleTicket");
    }
}
