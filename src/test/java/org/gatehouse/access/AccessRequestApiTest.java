package org.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.Api.assertProblem;
import static org.gatehouse.Api.variables;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gatehouse.Api;
import org.gatehouse.HttpTest;
import org.gatehouse.channels.OutboxMessages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** External access requests through the real HTTP API, as the member, Legal, an admin and the partner use it. */
class AccessRequestApiTest extends HttpTest {

    @Autowired OutboxMessages outbox;

    @Autowired JdbcClient jdbc;

    @Test
    void aMemberLegalAnAdminAndThePartnerConnectAChannelOverHttp() {
        String partner = fixtures.newPartner();
        Map<String, Object> body = AccessRequestFixtures.fields(fixtures.draft(partner, LocalDate.now().plusMonths(6)));
        ResponseEntity<JsonNode> created = api.as("alice").post("/api/access-requests", body);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = created.getBody().get("id").asText();
        assertThat(created.getHeaders().getLocation()).hasPath("/api/access-requests/" + id);
        assertThat(created.getBody().get("status").asText()).isEqualTo("AWAITING_NDA");
        String instance = fixtures.instance(id).getId();

        JsonNode ndaTask = singleTask("lena", id);
        assertThat(ndaTask.get("taskDefinitionKey").asText()).isEqualTo("obtainNda");
        LocalDate today = LocalDate.now();
        assertThat(api.as("lena").post("/engine-rest/task/" + ndaTask.get("id").asText() + "/complete", variables(Map.of(
                "ndaSigned", true, "ndaSignedOn", today.toString(), "ndaExpiresOn", today.plusYears(2).toString(),
                "ndaDocumentRef", "NDA-" + id))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        driver.runJobs(instance);

        JsonNode approval = singleTask("bob", id);
        assertThat(approval.get("taskDefinitionKey").asText()).isEqualTo("hostAdminApproval");
        assertThat(api.as("bob").post("/engine-rest/task/" + approval.get("id").asText() + "/complete",
                variables(Map.of("approved", true, "comment", "Go"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        String invite = "/invite/" + outbox.linkToken(body.get("partnerContactEmail").toString(), "/invite/");
        ResponseEntity<String> page = api.getText(invite, MediaType.TEXT_HTML);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains(partner).contains(body.get("projectName").toString()).contains("Never post");
        assertThat(api.get(invite).getBody().get("purpose").asText()).isEqualTo(body.get("purpose"));
        assertThat(api.post(invite + "/accept", Map.of("adminName", "Pia", "adminEmail", "pia@partner.example",
                "channelName", "acme-project")).getStatusCode()).isEqualTo(HttpStatus.OK);
        driver.runJobs(instance);

        JsonNode request = api.as("alice").get("/api/access-requests/" + id).getBody();
        assertThat(request.get("status").asText()).isEqualTo("CONNECTED");
        assertThat(request.get("hostApprover").asText()).isEqualTo("bob");
        assertThat(request.get("timeline").findValuesAsText("action")).containsSubsequence("SUBMITTED", "NDA_RECORDED",
                "HOST_APPROVED", "PARTNER_ACCEPTED", "CONNECTED", "HOUSE_RULES_PINNED");
        assertThat(request.get("timeline").findValuesAsText("actor")).contains("alice", "lena", "bob", "pia@partner.example");

        JsonNode channel = api.as("alice").get("/api/channels/" + request.get("channelId").asText()).getBody();
        assertThat(channel.get("shared").asBoolean()).isTrue();
        assertThat(channel.get("partnerOrganisation").asText()).isEqualTo(partner);
        assertThat(channel.get("partnerChannelName").asText()).isEqualTo("acme-project");
        assertThat(channel.get("pinnedNote").asText()).contains(partner).contains("👀 under review").contains("✅ approved");

        assertThat(api.as("alice").get("/api/access-requests?status=CONNECTED&requester=alice").getBody().findValuesAsText("id"))
                .contains(id);
        assertThat(api.as("dave").get("/api/access-requests/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as("dave").get("/api/access-requests").getBody().findValuesAsText("id")).doesNotContain(id);
        assertThat(api.as("aude").get("/api/access-requests?partner=" + partner).getBody().findValuesAsText("id"))
                .containsExactly(id);
    }

    @Test
    void missingAndBlankFieldsAreNamedAndNothingIsStored() {
        Map<String, Object> body = AccessRequestFixtures.fields(fixtures.draft("Globex", LocalDate.now().plusMonths(1)));
        body.remove("projectName");
        body.put("partnerOrganisation", "  ");
        ResponseEntity<JsonNode> response = unchanged(() -> api.as("alice").post("/api/access-requests", body));
        assertProblem(response, HttpStatus.BAD_REQUEST, "projectName", "partnerOrganisation");
    }

    @Test
    void anEndDateInThePastIsRefused() {
        var response = unchanged(() -> api.as("alice").post("/api/access-requests",
                AccessRequestFixtures.fields(fixtures.draft("Globex", LocalDate.now().minusDays(1)))));
        assertProblem(response, HttpStatus.BAD_REQUEST, "endDate");
    }

    @Test
    void anUnknownWorkspaceIsRefused() {
        Map<String, Object> body = AccessRequestFixtures.fields(fixtures.draft("Globex", LocalDate.now().plusMonths(1)));
        body.put("workspace", "acme-nowhere");
        assertProblem(unchanged(() -> api.as("alice").post("/api/access-requests", body)), HttpStatus.BAD_REQUEST, "workspace");
    }

    @Test
    void aSecondOpenRequestForTheSameChannelAndPartnerIsAConflict() {
        Map<String, Object> body = AccessRequestFixtures.fields(fixtures.draft("Globex", LocalDate.now().plusMonths(1)));
        assertThat(api.as("alice").post("/api/access-requests", body).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertProblem(unchanged(() -> api.as("dave").post("/api/access-requests", body)), HttpStatus.CONFLICT, "channelName");
    }

    @Test
    void malformedJsonAndBadValuesAreRefused() {
        assertThat(unchanged(() -> api.as("alice").postRaw("/api/access-requests", "{\"workspace\": \"acme-main\",")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        Map<String, Object> body = AccessRequestFixtures.fields(fixtures.draft("Globex", LocalDate.now().plusMonths(1)));
        body.put("endDate", "2027-13-45");
        assertProblem(unchanged(() -> api.as("alice").post("/api/access-requests", body)), HttpStatus.BAD_REQUEST, "endDate");
        body.put("endDate", LocalDate.now().plusMonths(1).toString());
        body.put("partnerContactEmail", "not-an-address");
        body.put("channelName", "Not A Channel");
        assertProblem(unchanged(() -> api.as("alice").post("/api/access-requests", body)), HttpStatus.BAD_REQUEST,
                "partnerContactEmail", "channelName");
    }

    @Test
    void madeUpUsedAndExpiredLinksAreRefused() {
        assertThat(api.get("/invite/made-up-token").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.post("/invite/made-up-token/accept", acceptance()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        String used = invitationLink();
        assertThat(api.post(used + "/accept", acceptance()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertProblem(api.post(used + "/accept", acceptance()), HttpStatus.CONFLICT, "token");
        assertProblem(api.post(used + "/decline", Map.of("reason", "changed our mind")), HttpStatus.CONFLICT, "token");

        String expiring = invitationLink();
        ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf(java.time.LocalDateTime.now().plusDays(15)));
        assertProblem(api.post(expiring + "/accept", acceptance()), HttpStatus.CONFLICT, "token");
    }

    @Test
    void aPartnerAnswerWithBadFieldsIsRefusedAndTheLinkStaysUsable() {
        String link = invitationLink();
        assertProblem(api.post(link + "/accept", Map.of("adminName", "", "adminEmail", "nope", "channelName", "X")),
                HttpStatus.BAD_REQUEST, "adminName", "adminEmail", "channelName");
        assertProblem(api.post(link + "/decline", Map.of("reason", " ")), HttpStatus.BAD_REQUEST, "reason");
        assertThat(api.get(link).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.post(link + "/decline", Map.of("reason", "Not now")).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void nobodyApprovesTheirOwnRequestThroughTheEngineApi() {
        var request = fixtures.submit("bob", "Globex", LocalDate.now().plusMonths(1));
        driver.runJobs(fixtures.instance(request).getId());
        String task = api.as("carol").get("/engine-rest/task?processInstanceBusinessKey=" + request.id() + "&maxResults=5")
                .getBody().get(0).get("id").asText();
        ResponseEntity<JsonNode> self = api.as("bob").post("/engine-rest/task/" + task + "/complete",
                variables(Map.of("approved", true)));
        assertThat(self.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(self.getBody().get("type").asText()).isEqualTo("AuthorizationException");
        assertThat(api.as("carol").get("/engine-rest/task/" + task).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** Admins hold every right by grants, which the requester's revoke on their own approval task outweighs. */
    @Test
    void anAdminDoesNotApproveTheirOwnRequestEither() {
        var request = fixtures.submit("admin", "Globex", LocalDate.now().plusMonths(1));
        driver.runJobs(fixtures.instance(request).getId());
        String task = api.as("carol").get("/engine-rest/task?processInstanceBusinessKey=" + request.id() + "&maxResults=5")
                .getBody().get(0).get("id").asText();
        for (String path : new String[] {"/complete", "/submit-form"}) {
            ResponseEntity<JsonNode> self = api.as("admin").post("/engine-rest/task/" + task + path,
                    variables(Map.of("approved", true)));
            assertThat(self.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(self.getBody().get("type").asText()).isEqualTo("AuthorizationException");
        }
        assertThat(api.as("carol").post("/engine-rest/task/" + task + "/complete", variables(Map.of("approved", true)))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void onlyTheRequesterWithdrawsAndOnlyWhilePending() {
        var request = fixtures.submit("alice", "Globex", LocalDate.now().plusMonths(1));
        driver.runJobs(fixtures.instance(request).getId());
        assertThat(api.as("dave").post("/api/access-requests/" + request.id() + "/withdraw", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> withdrawn = api.as("alice").post("/api/access-requests/" + request.id() + "/withdraw", null);
        assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(withdrawn.getBody().get("status").asText()).isEqualTo("WITHDRAWN");
        assertProblem(api.as("alice").post("/api/access-requests/" + request.id() + "/withdraw", null), HttpStatus.CONFLICT, "status");
    }

    /** Ending every channel with a partner at once is {@code partner-offboarding}: {@code OffboardingApiTest}. */
    @Test
    void anAdminDisconnectsAConnectedChannelEarly() {
        var connected = fixtures.connected("alice", "Globex", LocalDate.now().plusMonths(2));
        String path = "/api/access-requests/" + connected.getBusinessKey() + "/disconnect";
        assertThat(api.as("alice").post(path, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("carol").post(path, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        driver.runJobs(connected.getId());
        assertThat(api.as("alice").get("/api/access-requests/" + connected.getBusinessKey()).getBody().get("status")
                .asText()).isEqualTo("ENDED");
        assertProblem(api.as("carol").post(path, null), HttpStatus.CONFLICT, "status");
    }

    @Test
    void membersAddColleaguesOfTheirOwnOrganisationToAConnectedChannel() {
        var pi = fixtures.connected("alice", "Globex", LocalDate.now().plusMonths(2));
        String channel = api.as("alice").get("/api/access-requests/" + pi.getBusinessKey()).getBody().get("channelId").asText();
        ResponseEntity<JsonNode> added = api.as("alice").post("/api/channels/" + channel + "/members",
                Map.of("member", "dave", "organisation", "acme"));
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(added.getBody().get("members").findValuesAsText("member")).contains("dave");
        assertProblem(api.as("alice").post("/api/channels/" + channel + "/members",
                Map.of("member", "x@umbrella.example", "organisation", "umbrella")), HttpStatus.BAD_REQUEST, "organisation");
        assertThat(api.as("alice").post("/api/channels/" + channel + "/members",
                Map.of("member", "y@globex.example", "organisation", "globex")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("carol").post("/api/channels/" + channel + "/members",
                Map.of("member", "carol", "organisation", "acme")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    // --- helpers

    private JsonNode singleTask(String user, String requestId) {
        JsonNode tasks = api.as(user).get("/engine-rest/task?processInstanceBusinessKey=" + requestId + "&maxResults=5").getBody();
        assertThat(tasks).as("tasks of " + requestId + " visible to " + user).hasSize(1);
        return tasks.get(0);
    }

    /** A request waiting for the partner, through the API; returns the link's path. */
    private String invitationLink() {
        Map<String, Object> fields = AccessRequestFixtures.fields(fixtures.draft("Globex", LocalDate.now().plusMonths(1)));
        String id = api.as("alice").post("/api/access-requests", fields).getBody().get("id").asText();
        driver.runJobs(fixtures.instance(id).getId());
        return "/invite/" + outbox.linkToken(fields.get("partnerContactEmail").toString(), "/invite/");
    }

    private static Map<String, Object> acceptance() {
        return Map.of("adminName", "Gus", "adminEmail", "gus@globex.example", "channelName", "acme-shared");
    }

    /** Runs a call that must change nothing: no request, no organisation, no process instance is added. */
    private <T> T unchanged(Supplier<T> call) {
        long requests = count("access_request");
        long organisations = count("organisation");
        long instances = fixtures.engine.getHistoryService().createHistoricProcessInstanceQuery().count();
        T result = call.get();
        assertThat(count("access_request")).as("access requests").isEqualTo(requests);
        assertThat(count("organisation")).as("organisations").isEqualTo(organisations);
        assertThat(fixtures.engine.getHistoryService().createHistoricProcessInstanceQuery().count()).as("instances")
                .isEqualTo(instances);
        return result;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
