package org.gatehouse.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.Api.assertProblem;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gatehouse.HttpTest;
import org.gatehouse.channels.OutboxMessages;
import org.gatehouse.channels.OutboxMessages.Sent;
import org.gatehouse.experts.ExpertFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tickets through the real HTTP API: filing (and the refusals, each kept as received), who sees what, the allowed
 * transitions, approvals by link, SLA escalation in the team's time zone, auto-close and reopen, change of requester,
 * transfer to another team.
 */
class TicketApiTest extends HttpTest {

    @Autowired ExpertFixtures experts;
    @Autowired OutboxMessages outbox;
    @Autowired JdbcClient jdbc;
    @Autowired ProcessEngine engine;

    private long file(String requester, String subject, String body, String category) {
        ResponseEntity<JsonNode> filed = api.as(requester).post("/api/tickets", category == null
                ? Map.of("subject", subject, "body", body) : Map.of("subject", subject, "body", body, "category", category));
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = filed.getBody().get("id").asLong();
        assertThat(filed.getHeaders().getLocation()).hasPath("/api/tickets/" + id);
        driver.runJobs(instance(id));
        return id;
    }

    private String instance(long id) {
        return driver.instance(Long.toString(id)).getId();
    }

    private int refusedCount() {
        return jdbc.sql("select count(*) from inbound_message where status = 'REFUSED'").query(Integer.class).single();
    }

    @Test
    void employeesFileRequestsAndBadOnesAreRefusedButKept() {
        String requester = experts.newEmployee();
        long id = file(requester, "Holiday balance", "How many days of leave do I have left?", "hr");
        JsonNode ticket = api.as(requester).get("/api/tickets/" + id).getBody();
        assertThat(ticket.get("status").asText()).isEqualTo("NEW");
        assertThat(ticket.get("team").asText()).isEqualTo("hr");
        assertThat(ticket.get("channel").asText()).isEqualTo("API");
        assertThat(ticket.get("sla").get("firstResponseDue").isNull()).isFalse();
        assertThat(ticket.get("history")).as("the history is for experts").isEmpty();
        assertThat(outbox.to(requester)).last().satisfies(d -> assertThat(d.body())
                .contains("We received your request T-" + id));

        int refused = refusedCount();
        assertProblem(api.as(requester).post("/api/tickets", Map.of("subject", "Hi", "body", "  ")), HttpStatus.BAD_REQUEST,
                "body");
        assertProblem(api.as(requester).post("/api/tickets", Map.of("body", "x".repeat(20001))), HttpStatus.BAD_REQUEST,
                "body");
        assertProblem(api.as(requester).post("/api/tickets", Map.of("body", "Where is my chair?", "category",
                "facilities")), HttpStatus.BAD_REQUEST, "category");
        assertThat(api.as(requester).post("/api/tickets", Map.of("body", "For Bob", "onBehalfOf", "bob"))
                .getStatusCode()).as("only experts file for others").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refusedCount()).as("every refused message is kept, with its reason").isEqualTo(refused + 4);
        assertThat(api.as("hana").get("/api/intake/messages?status=REFUSED").getBody().findValuesAsText("reason"))
                .anySatisfy(r -> assertThat(r).startsWith("There is no team 'facilities'; the teams are [").contains("hr", "it"));
        assertThat(api.as(requester).get("/api/tickets").getBody()).hasSize(1);

        // an expert files for someone: the employee is the requester, the expert is on the record
        ResponseEntity<JsonNode> forOther = api.as("hana").post("/api/tickets", Map.of("body",
                "Alice asked by phone about her parental leave", "onBehalfOf", "alice"));
        assertThat(forOther.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(forOther.getBody().get("requester").asText()).isEqualTo("alice");
        assertThat(forOther.getBody().get("history").findValuesAsText("kind")).contains("FILED_ON_BEHALF");
        assertThat(forOther.getBody().get("team").asText()).isEqualTo("hr");
    }

    @Test
    void eachSeesWhatTheyMayAndOnlyAllowedTransitionsHappen() {
        String requester = experts.newEmployee();
        String stranger = experts.newEmployee();
        long id = file(requester, "VPN", "The VPN drops every hour", null);
        assertThat(api.as(stranger).get("/api/tickets/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as(stranger).get("/api/tickets").getBody()).isEmpty();
        assertThat(api.as(requester).post("/api/tickets/" + id + "/claim", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as(requester).post("/api/tickets/" + id + "/replies", Map.of("body", "me")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("ivy").post("/api/tickets/" + id + "/answers", Map.of("body", "me")).getStatusCode())
                .as("experts reply; only the requester answers").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as(stranger).post("/api/tickets/" + id + "/answers", Map.of("body", "me")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as("ivy").get("/api/tickets/999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        api.as("ivy").post("/api/tickets/" + id + "/notes", Map.of("body", "Known issue with the old client"));
        api.as("ivy").post("/api/tickets/" + id + "/replies", Map.of("body", "Which client version?", "waitForRequester", true));
        assertProblem(api.as("ivy").post("/api/tickets/" + id + "/resolve", null), HttpStatus.CONFLICT, "status");
        assertProblem(api.as("ivy").post("/api/tickets/" + id + "/claim", null), HttpStatus.CONFLICT, "status");
        assertProblem(api.as("ivy").post("/api/tickets/" + id + "/triage", Map.of("team", "hr")), HttpStatus.CONFLICT,
                "status");
        assertThat(api.as(requester).get("/api/tickets/" + id).getBody().get("messages").findValuesAsText("body"))
                .doesNotContain("Known issue with the old client");

        JsonNode open = api.as(requester).post("/api/tickets/" + id + "/answers", Map.of("body", "5.2")).getBody();
        assertThat(open.get("status").asText()).isEqualTo("OPEN");
        assertProblem(api.as("ivy").post("/api/tickets/" + id + "/replies", Map.of("body", "")), HttpStatus.BAD_REQUEST,
                "body");
    }

    @Test
    void anExpertTakingUpANewTicketByClaimOrByReplyIsOnItsHistory() {
        String requester = experts.newEmployee();
        long claimed = file(requester, "Monitor", "My second monitor stays black", "it");
        long replied = file(requester, "Keyboard", "Some keys of my keyboard stick", "it");
        api.as("ivy").post("/api/tickets/" + claimed + "/claim", null);
        api.as("ivy").post("/api/tickets/" + replied + "/replies", Map.of("body", "Which keys?"));
        for (long id : List.of(claimed, replied)) {
            JsonNode ticket = api.as("ivy").get("/api/tickets/" + id).getBody();
            assertThat(ticket.get("status").asText()).isEqualTo("OPEN");
            assertThat(ticket.get("history")).filteredOn(e -> e.get("kind").asText().equals("STATUS")).singleElement()
                    .satisfies(e -> {
                        assertThat(e.get("actor").asText()).isEqualTo("ivy");
                        assertThat(e.get("detail").asText()).isEqualTo("NEW -> OPEN");
                    });
        }
    }

    @Test
    void anExpertChangesTheRequesterAndTheChangeStaysOnTheTicket() {
        String requester = experts.newEmployee();
        String realRequester = experts.newEmployee();
        long id = file(requester, "Laptop", "My manager needs a laptop", "it");
        assertProblem(api.as("ivy").put("/api/tickets/" + id + "/requester", Map.of("requester", "nobody-here")),
                HttpStatus.BAD_REQUEST, "requester");
        assertProblem(api.as("ivy").put("/api/tickets/" + id + "/requester", Map.of("requester", requester)),
                HttpStatus.CONFLICT, "requester");
        assertThat(api.as(requester).put("/api/tickets/" + id + "/requester", Map.of("requester", realRequester))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode changed = api.as("ivy").put("/api/tickets/" + id + "/requester", Map.of("requester", realRequester,
                "reason", "Filed for the manager")).getBody();
        assertThat(changed.get("requester").asText()).isEqualTo(realRequester);
        assertThat(changed.get("history")).anySatisfy(e -> {
            assertThat(e.get("kind").asText()).isEqualTo("REQUESTER_CHANGED");
            assertThat(e.get("actor").asText()).isEqualTo("ivy");
            assertThat(e.get("detail").asText()).contains("from " + requester + " to " + realRequester)
                    .contains("Filed for the manager");
            assertThat(e.get("at").isNull()).isFalse();
        });
        assertThat(api.as(realRequester).get("/api/tickets/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);

        api.as("ivy").post("/api/tickets/" + id + "/collaborators", Map.of("email", "vendor@dell.example"));
        assertThat(api.as("ivy").delete("/api/tickets/" + id + "/collaborators/vendor@dell.example").getBody()
                .get("collaborators")).isEmpty();
        assertThat(api.as("ivy").delete("/api/tickets/" + id + "/collaborators/vendor@dell.example").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(changed.get("history").findValuesAsText("kind")).doesNotContain("COLLABORATOR_ADDED");
        assertThat(api.as("ivy").get("/api/tickets/" + id).getBody().get("history").findValuesAsText("kind"))
                .contains("COLLABORATOR_ADDED", "COLLABORATOR_REMOVED");
        assertThat(api.as(requester).get("/api/tickets/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anApprovalAskedOnATicketIsAnsweredByLinkAndLandsOnIt() {
        String requester = experts.newEmployee();
        String approver = experts.newImportedEmployee();
        long id = file(requester, "Software licence", "I need a licence for the design software", "it");
        assertProblem(api.as("ivy").post("/api/tickets/" + id + "/approvals", Map.of("approver", "nobody-here",
                "subject", "Licence")), HttpStatus.BAD_REQUEST, "approver");
        assertThat(api.as("ivy").get("/api/tickets/" + id).getBody().get("status").asText()).isEqualTo("NEW");

        JsonNode held = api.as("ivy").post("/api/tickets/" + id + "/approvals", Map.of("approver", approver,
                "subject", "Design software licence", "details", "400 EUR a year")).getBody();
        assertThat(held.get("status").asText()).isEqualTo("ON_HOLD");
        assertProblem(api.as("ivy").post("/api/tickets/" + id + "/resolve", Map.of("body", "Done without it")),
                HttpStatus.CONFLICT, "ticketAction");
        assertThat(api.as("ivy").get("/api/tickets/" + id).getBody().get("status").asText())
                .as("not resolved while the approval waits").isEqualTo("ON_HOLD");
        String approval = driver.instance(Long.toString(id)).getId();
        var called = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(approval)
                .singleResult();
        driver.runJobs(called.getId());
        String link = "/approvals/" + experts.token(approver, "/approvals/");
        assertThat(api.get(link).getBody().get("subject").asText()).isEqualTo("Design software licence");
        assertThat(api.post(link + "/approve", Map.of("comment", "Budget is there")).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        JsonNode ticket = api.as("ivy").get("/api/tickets/" + id).getBody();
        assertThat(ticket.get("status").asText()).isEqualTo("OPEN");
        assertThat(ticket.get("messages").findValuesAsText("body")).anySatisfy(b -> assertThat(b)
                .startsWith("Approval approved by Ivo Imported").endsWith(": Budget is there"));
        assertThat(api.as(requester).get("/api/tickets/" + id).getBody().get("messages").findValuesAsText("body"))
                .noneSatisfy(b -> assertThat(b).startsWith("Approval"));
        assertThat(api.as("ivy").post("/api/tickets/" + id + "/resolve", Map.of("body", "Licence ordered"))
                .getBody().get("status").asText()).as("answered: now it may be resolved").isEqualTo("RESOLVED");
    }

    @Test
    void aBreachIsEscalatedToTheLeadInTheTeamsBusinessHours() {
        // Friday 17:00 in New York: IT has one working hour left this week
        ZoneId newYork = ZoneId.of("America/New_York");
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 11, 27, 17, 0, 0, 0, newYork).toInstant()));
        String requester = experts.newEmployee();
        long id = file(requester, "Printer", "The printer on floor 3 is offline", "it");
        JsonNode sla = api.as("ivy").get("/api/tickets/" + id).getBody().get("sla");
        LocalDateTime due = LocalDateTime.ofInstant(ZonedDateTime.of(2026, 11, 30, 12, 0, 0, 0, newYork).toInstant(),
                ZoneOffset.UTC);
        assertThat(LocalDateTime.parse(sla.get("firstResponseDue").asText())).as("1 hour Friday, 3 on Monday")
                .isEqualTo(due);

        driver.fireTimer(instance(id), "Event_FirstResponseBreached");
        assertThat(outbox.to("ivy")).anySatisfy(d -> assertThat(d.body())
                .contains("T-" + id).contains("breached its first-response target"));
        JsonNode breached = api.as("ivy").get("/api/tickets/" + id).getBody();
        assertThat(breached.get("sla").get("firstResponseBreachedAt").isNull()).isFalse();
        assertThat(api.as("ivy").get("/api/tickets?team=it").getBody()).anySatisfy(t -> {
            assertThat(t.get("id").asLong()).isEqualTo(id);
            assertThat(t.get("breached").asBoolean()).isTrue();
        });
    }

    @Test
    void aResolvedTicketReopensWhenTheRequesterAnswersAndClosesItselfOtherwise() {
        String requester = experts.newEmployee();
        long id = file(requester, "Contract copy", "Could I get a copy of my employment contract?", "legal");
        api.as("lena").post("/api/tickets/" + id + "/claim", null);
        api.as("lena").post("/api/tickets/" + id + "/resolve", Map.of("body", "Sent to your inbox."));
        driver.runJobs(instance(id));
        assertThat(api.as(requester).get("/api/tickets/" + id).getBody().get("status").asText()).isEqualTo("RESOLVED");

        JsonNode reopened = api.as(requester).post("/api/tickets/" + id + "/answers", Map.of("body", "I got nothing"))
                .getBody();
        assertThat(reopened.get("status").asText()).isEqualTo("OPEN");
        assertThat(reopened.get("resolvedAt").isNull()).isTrue();
        assertThat(driver.instance(Long.toString(id))).satisfies(pi -> assertThat(engine.getTaskService()
                .createTaskQuery().processInstanceId(pi.getId()).singleResult().getAssignee()).isEqualTo("lena"));

        api.as("lena").post("/api/tickets/" + id + "/resolve", Map.of("body", "Sent again, as a letter."));
        driver.runJobs(instance(id));
        driver.fireTimer(instance(id), "Event_AutoClose");
        assertThat(api.as(requester).get("/api/tickets/" + id).getBody().get("status").asText()).isEqualTo("CLOSED");
        assertProblem(api.as(requester).post("/api/tickets/" + id + "/answers", Map.of("body", "Still nothing")),
                HttpStatus.CONFLICT, "status");
        assertProblem(api.as("lena").post("/api/tickets/" + id + "/notes", Map.of("body", "late")), HttpStatus.CONFLICT,
                "status");
        assertProblem(api.as("lena").post("/api/tickets/" + id + "/transfer", Map.of("team", "hr")),
                HttpStatus.CONFLICT, "status");
    }

    @Test
    void anExpertTransfersATicketBeingHandledToAnotherTeamWhichGetsItsTask() {
        String requester = experts.newEmployee();
        long id = file(requester, "Train ticket", "Who pays for my train ticket to the client?", "hr");
        JsonNode filed = api.as("hana").get("/api/tickets/" + id).getBody();
        assertThat(api.as(requester).post("/api/tickets/" + id + "/transfer", Map.of("team", "finance"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertProblem(api.as("hana").post("/api/tickets/" + id + "/transfer", Map.of("team", "travel")),
                HttpStatus.BAD_REQUEST, "team");
        assertProblem(api.as("hana").post("/api/tickets/" + id + "/transfer", Map.of("team", "hr")),
                HttpStatus.BAD_REQUEST, "team");
        assertProblem(api.as("hana").post("/api/tickets/" + id + "/transfer", Map.of()), HttpStatus.BAD_REQUEST, "team");

        JsonNode moved = api.as("hana").post("/api/tickets/" + id + "/transfer", Map.of("team", "finance")).getBody();
        assertThat(moved.get("team").asText()).isEqualTo("finance");
        assertThat(moved.get("status").asText()).as("nobody took it up yet").isEqualTo("NEW");
        assertThat(moved.get("sla")).as("the due times stay").isEqualTo(filed.get("sla"));
        assertThat(moved.get("history")).anySatisfy(e -> {
            assertThat(e.get("kind").asText()).isEqualTo("TRANSFERRED");
            assertThat(e.get("actor").asText()).isEqualTo("hana");
            assertThat(e.get("detail").asText()).isEqualTo("hr -> finance");
        });
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(Long.toString(id))
                .singleResult()).satisfies(task -> {
                    assertThat(task.getTaskDefinitionKey()).isEqualTo("handleTicket");
                    assertThat(task.getAssignee()).isNull();
                    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
                            .extracting(link -> link.getGroupId()).containsExactly("team-finance");
                });
        assertThat(api.as("finn").post("/api/tickets/" + id + "/resolve", Map.of("body", "Finance pays it."))
                .getBody().get("status").asText()).isEqualTo("RESOLVED");
        assertProblem(api.as("finn").post("/api/tickets/" + id + "/transfer", Map.of("team", "hr")),
                HttpStatus.CONFLICT, "status");
    }

}
