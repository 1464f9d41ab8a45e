package org.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.Api.assertProblem;
import static org.gatehouse.Api.variables;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.gatehouse.FlakyChannelGateway;
import org.gatehouse.HttpTest;
import org.gatehouse.WebappSession;
import org.gatehouse.channels.ChatDelivery;
import org.gatehouse.channels.LocalChannelGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Ending a partnership over HTTP (A10): an admin asks, a second admin confirms in Tasklist or over the engine's API,
 * every channel is disconnected though the platform fails on one for a while, and the partner's requests end.
 */
class OffboardingApiTest extends HttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired OffboardingFixtures partnerships;
    @Autowired AccessRequestFixtures requests;
    @Autowired FlakyChannelGateway gateway;
    @Autowired LocalChannelGateway platform;
    @Autowired ProcessEngine engine;
    @LocalServerPort int port;

    @AfterEach
    void heal() {
        gateway.heal();
    }

    private static Map<String, Object> ending(boolean keepDirectMessages) {
        return Map.of("keepDirectMessages", keepDirectMessages, "reason", "The campaign is over");
    }

    private String confirmationTask(String offboarding) {
        JsonNode tasks = api.as("carol").get("/engine-rest/task?processInstanceBusinessKey=" + offboarding + "&maxResults=5").getBody();
        assertThat(tasks).as(tasks.toString()).hasSize(1);
        assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo("confirmOffboarding");
        return tasks.get(0).get("id").asText();
    }

    private JsonNode offboarding(String partnerId, String id) {
        ResponseEntity<JsonNode> view = api.as("carol").get("/api/partners/" + partnerId + "/offboardings/" + id);
        assertThat(view.getStatusCode()).isEqualTo(HttpStatus.OK);
        return view.getBody();
    }

    private JsonNode channel(JsonNode offboarding, String channelId) {
        return offboarding.get("channels").findParents("channelId").stream()
                .filter(c -> c.get("channelId").asText().equals(channelId)).findFirst().orElseThrow();
    }

    @Test
    void aSecondAdminConfirmsAndThreeChannelsAreDisconnectedThoughOneFailsTwice() throws Exception {
        var partnership = partnerships.partnership(3, 1);
        String path = "/api/partners/" + partnership.partnerId() + "/disconnect";
        assertThat(api.as("alice").post(path, ending(true)).getStatusCode()).as("an employee").isEqualTo(HttpStatus.FORBIDDEN);
        assertProblem(api.as("bob").post(path, Map.of("keepDirectMessages", true)), HttpStatus.BAD_REQUEST, "reason");
        assertProblem(api.as("bob").post(path, Map.of("reason", "x".repeat(501))), HttpStatus.BAD_REQUEST, "reason");

        ResponseEntity<JsonNode> started = api.as("bob").post(path, Map.of("reason", "The campaign is over"));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = started.getBody().get("id").asText();
        assertThat(started.getHeaders().getLocation()).hasToString("/api/partners/" + partnership.partnerId()
                + "/offboardings/" + id);
        assertThat(started.getBody().get("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(started.getBody().get("keepDirectMessages").asBoolean()).as("the default").isTrue();
        assertThat(started.getBody().get("requestedBy").asText()).isEqualTo("bob");
        assertThat(started.getBody().get("channels").findValuesAsText("channelId"))
                .containsExactlyInAnyOrderElementsOf(partnership.channels());
        assertThat(api.as("alice").get("/api/partners/" + partnership.partnerId() + "/offboardings/" + id)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertProblem(api.as("carol").post(path, ending(true)), HttpStatus.CONFLICT, "partnerId");

        String task = confirmationTask(id);
        Map<String, Object> confirm = variables(Map.of("confirmed", true));
        for (String side : List.of("/complete", "/submit-form")) {
            ResponseEntity<JsonNode> own = api.as("bob").post("/engine-rest/task/" + task + side, confirm);
            assertThat(own.getStatusCode()).as("the admin who asked, over " + side).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(own.getBody().get("type").asText()).isEqualTo("AuthorizationException");
        }
        var tasklist = WebappSession.signIn(port, "bob", "tasklist");
        var own = tasklist.send("POST", "/api/engine/engine/default/task/" + task + "/submit-form",
                JSON.writeValueAsString(confirm));
        assertThat(own.statusCode()).as("the admin who asked, in Tasklist").isEqualTo(403);
        assertThat(own.body()).contains("AuthorizationException");
        assertThat(offboarding(partnership.partnerId(), id).get("status").asText()).isEqualTo("AWAITING_CONFIRMATION");

        String flaky = partnership.channels().get(1);
        gateway.failNextDisconnects(flaky, 2);
        var carol = WebappSession.signIn(port, "carol", "tasklist");
        var confirmed = carol.send("POST", "/api/engine/engine/default/task/" + task + "/submit-form",
                JSON.writeValueAsString(variables(Map.of("confirmed", true, "comment", "Agreed"))));
        assertThat(confirmed.statusCode()).as("the second admin, in Tasklist: " + confirmed.body()).isEqualTo(204);

        String instance = driver.instance(id).getId();
        ManagementService management = engine.getManagementService();
        List<Job> perChannel = management.createJobQuery().processInstanceId(instance).list();
        assertThat(perChannel).hasSize(3);
        for (Job job : perChannel) {
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException expected) {
                // the flaky channel's first attempt: retried later
            }
        }
        JsonNode underWay = offboarding(partnership.partnerId(), id);
        assertThat(underWay.get("status").asText()).isEqualTo("DISCONNECTING");
        assertThat(underWay.get("confirmedBy").asText()).isEqualTo("carol");
        assertThat(channel(underWay, flaky).get("state").asText()).isEqualTo("FAILING");
        assertThat(channel(underWay, flaky).get("attempts").asInt()).isEqualTo(1);
        assertThat(channel(underWay, partnership.channels().get(0)).get("state").asText()).isEqualTo("DISCONNECTED");

        assertThat(driver.runJobsThroughFailures(instance)).as("its second failure, then it works").isEqualTo(1);
        JsonNode done = offboarding(partnership.partnerId(), id);
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("channels").findValuesAsText("state")).containsOnly("DISCONNECTED");
        assertThat(channel(done, flaky).get("attempts").asInt()).isEqualTo(2);
        for (String channel : partnership.channels()) {
            assertThat(api.as("alice").get("/api/channels/" + channel).getBody().get("shared").asBoolean()).isFalse();
            assertThat(platform.deliveriesTo(channel).stream().map(ChatDelivery::kind)).containsOnlyOnce("DISCONNECT");
        }

        String pending = partnership.pendingRequests().get(0);
        JsonNode withdrawn = api.as("alice").get("/api/access-requests/" + pending).getBody();
        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get("statusReason").asText()).as("the partnership's end, not the requester")
                .contains("Withdrawn by bob", "the partnership with " + partnership.partnerName(), id, "confirmed by carol")
                .doesNotContain("requester");
        for (String request : partnership.connectedRequests()) {
            driver.runJobs(driver.instance(request).getId());
            JsonNode ended = api.as("carol").get("/api/access-requests/" + request).getBody();
            assertThat(ended.get("status").asText()).isEqualTo("ENDED");
            assertThat(ended.get("statusReason").asText()).contains("Disconnected by bob", id, "confirmed by carol");
            assertThat(ended.get("timeline").findValuesAsText("detail")).anySatisfy(d -> assertThat(d).contains(id));
        }
        JsonNode organisation = api.as("carol").get("/api/organisations/" + partnership.partnerId() + "/sharing")
                .getBody().get("organisation");
        assertThat(organisation.get("sharedChannels").asInt()).isZero();
        assertThat(organisation.get("openRequests")).isEmpty();
        assertThat(organisation.get("offboarding").get("status").asText()).isEqualTo("DONE");
        JsonNode end = organisation.get("partnershipEnded");
        assertThat(end.get("endedBy").asText()).isEqualTo("bob");
        assertThat(end.get("confirmedBy").asText()).isEqualTo("carol");
        assertThat(end.get("directMessagesKept").asBoolean()).isTrue();

        JsonNode audit = api.as("aude").get("/api/audit?kind=offboarding&partner=" + partnership.partnerId()).getBody();
        assertThat(audit.get("entries").findValuesAsText("what")).as("the auditors' search")
                .containsSubsequence("DONE", "REQUESTS_ENDED", "CHANNEL_DISCONNECTED", "CONFIRMED", "REQUESTED");
        assertThat(audit.get("entries").findValuesAsText("actor")).contains("bob", "carol");
    }

    @Test
    void aRefusedOffboardingDisconnectsNothing() {
        var partnership = partnerships.partnership(1, 0);
        String id = api.as("bob").post("/api/partners/" + partnership.partnerId() + "/disconnect", ending(false)).getBody()
                .get("id").asText();
        assertThat(api.as("carol").post("/engine-rest/task/" + confirmationTask(id) + "/complete",
                variables(Map.of("confirmed", false, "comment", "Not yet"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode refused = offboarding(partnership.partnerId(), id);
        assertThat(refused.get("status").asText()).isEqualTo("REFUSED");
        assertThat(refused.get("confirmed").asBoolean()).isFalse();
        assertThat(refused.get("channels").findValuesAsText("state")).containsOnly("PENDING");
        String channel = partnership.channels().get(0);
        assertThat(api.as("alice").get("/api/channels/" + channel).getBody().get("shared").asBoolean()).isTrue();
        assertThat(platform.deliveriesTo(channel).stream().map(ChatDelivery::kind)).doesNotContain("DISCONNECT");
        assertThat(platform.deliveriesTo(partnership.partnerId())).isEmpty();
        assertThat(api.as("carol").get("/api/access-requests/" + partnership.connectedRequests().get(0)).getBody()
                .get("status").asText()).isEqualTo("CONNECTED");
        assertThat(api.as("carol").get("/api/partners/nowhere/offboardings/" + id).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as("bob").post("/api/partners/nowhere/disconnect", ending(true)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<JsonNode> fileRequest(String partnerName) {
        return api.as("alice").post("/api/access-requests", AccessRequestFixtures.fields(
                requests.draft(partnerName, LocalDate.now().plusMonths(2))));
    }

    /**
     * While a partnership is being ended no new request for the partner is accepted, by whatever door (Slack's modal:
     * {@code SlackRequestModalTest}); once it has ended, a new request starts a new partnership through every check.
     */
    @Test
    void aPartnerBeingEndedTakesNoNewRequestUntilItsPartnershipHasEnded() {
        var partnership = partnerships.partnership(1, 0);
        String id = api.as("bob").post("/api/partners/" + partnership.partnerId() + "/disconnect", ending(true)).getBody()
                .get("id").asText();

        var refused = fileRequest(partnership.partnerName());
        assertProblem(refused, HttpStatus.CONFLICT, "partnerOrganisation");
        assertThat(refused.getBody().get("detail").asText()).contains("being ended", id, "AWAITING_CONFIRMATION", "bob");
        var form = AccessRequestFixtures.fields(requests.draft(partnership.partnerName(), LocalDate.now().plusMonths(2)));
        for (String door : List.of("/start", "/submit-form")) {
            var side = api.as("alice").post("/engine-rest/process-definition/key/external-access-request" + door,
                    variables(form));
            assertThat(side.getStatusCode().is2xxSuccessful()).as(door).isFalse();
            assertThat(side.getBody().get("message").asText()).as(door).contains("being ended", id);
        }
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("external-access-request")
                .variableValueEquals("projectName", form.get("projectName")).count()).as("nothing started").isZero();

        assertThat(api.as("carol").post("/engine-rest/task/" + confirmationTask(id) + "/complete",
                variables(Map.of("confirmed", true))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(fileRequest(partnership.partnerName()).getBody().get("detail").asText()).as("while DISCONNECTING")
                .contains("being ended", "DISCONNECTING");

        driver.runJobs(driver.instance(id).getId());
        assertThat(offboarding(partnership.partnerId(), id).get("status").asText()).isEqualTo("DONE");
        var afresh = fileRequest(partnership.partnerName());
        assertThat(afresh.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(afresh.getBody().get("timeline").findValuesAsText("action")).contains("PARTNERSHIP_ENDED_BEFORE");
        assertThat(afresh.getBody().get("timeline").findValuesAsText("detail"))
                .anySatisfy(d -> assertThat(d).contains("ended on", "asked by bob", "confirmed by carol"));
    }

    @Test
    void theAdminWhoAskedOrAWorkspaceAdminCallsItOffWhileItAwaitsConfirmation() {
        var partnership = partnerships.partnership(1, 0);
        String path = "/api/partners/" + partnership.partnerId() + "/offboardings/";
        String id = api.as("bob").post("/api/partners/" + partnership.partnerId() + "/disconnect", ending(true)).getBody()
                .get("id").asText();
        assertThat(offboarding(partnership.partnerId(), id).get("confirmBy").asText()).as("its time limit").isNotBlank();
        assertThat(api.as("alice").post(path + id + "/cancel", Map.of()).getStatusCode()).as("an employee")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("bob").post("/api/partners/nowhere/offboardings/" + id + "/cancel", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> cancelled = api.as("carol").post(path + id + "/cancel", Map.of());
        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cancelled.getBody().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.getBody().get("cancelledBy").asText()).isEqualTo("carol");
        assertThat(cancelled.getBody().get("timeline").findValuesAsText("action")).contains("CANCEL_REQUESTED", "CANCELLED");
        assertProblem(api.as("bob").post(path + id + "/cancel", Map.of()), HttpStatus.CONFLICT, "status");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id).count()).as("no task left")
                .isZero();
        String channel = partnership.channels().get(0);
        assertThat(api.as("alice").get("/api/channels/" + channel).getBody().get("shared").asBoolean()).isTrue();
        assertThat(platform.deliveriesTo(channel).stream().map(ChatDelivery::kind)).doesNotContain("DISCONNECT");

        // the partner is free again: its admin who asks may also call the new one off
        String again = api.as("bob").post("/api/partners/" + partnership.partnerId() + "/disconnect", ending(true))
                .getBody().get("id").asText();
        assertThat(api.as("bob").post(path + again + "/cancel", Map.of()).getBody().get("status").asText())
                .isEqualTo("CANCELLED");
        String confirmedOne = api.as("bob").post("/api/partners/" + partnership.partnerId() + "/disconnect", ending(true))
                .getBody().get("id").asText();
        api.as("carol").post("/engine-rest/task/" + confirmationTask(confirmedOne) + "/complete",
                variables(Map.of("confirmed", false)));
        assertProblem(api.as("bob").post(path + confirmedOne + "/cancel", Map.of()), HttpStatus.CONFLICT, "status");
    }
}
