package org.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.gatehouse.Api.assertProblem;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gatehouse.HttpTest;
import org.gatehouse.WebappSession;
import org.gatehouse.directory.OrganisationService;
import org.gatehouse.legal.NdaRegister;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A9 over HTTP: an organisation's figures for a set-up made week by week on the engine's clock (channels, workspaces,
 * the NDA and its end, open requests, requests by outcome, time to connection), for admins only.
 */
class OrganisationSharingApiTest extends HttpTest {

    @Autowired OrganisationService organisations;
    @Autowired NdaRegister ndas;
    @Autowired Clock clock;
    @LocalServerPort int port;

    private static void at(LocalDateTime moment) {
        ClockUtil.setCurrentTime(Date.from(moment.toInstant(ZoneOffset.UTC)));
    }

    private AccessRequestView awaitingApproval(String requester, String partner, LocalDate endDate) {
        AccessRequestView request = fixtures.submit(requester, partner, endDate);
        driver.runJobs(fixtures.instance(request).getId());
        return request;
    }

    private void connect(AccessRequestView request) {
        ProcessInstance pi = fixtures.instance(request);
        fixtures.approveBothSides(pi, request, "bob");
    }

    @Test
    void anOrganisationsFiguresForAKnownSetUp() {
        LocalDate today = LocalDate.now(clock);
        LocalDateTime weekBeforeLast = SharingFigures.weekOf(today.atStartOfDay()).minusWeeks(2).atTime(9, 0);
        String partner = fixtures.newPartner();
        String partnerId = organisations.partnerNamed(partner).id();
        LocalDate endDate = weekBeforeLast.toLocalDate().plusDays(40);

        at(weekBeforeLast);
        ndas.record(partnerId, weekBeforeLast.toLocalDate().minusDays(1), today.plusDays(30), "NDA-" + partnerId, "lena");
        AccessRequestView first = awaitingApproval("alice", partner, endDate);
        at(weekBeforeLast.plusHours(24));
        connect(first);
        AccessRequestView second = awaitingApproval("dave", partner, endDate);
        at(weekBeforeLast.plusHours(72));
        connect(second);
        AccessRequestView withdrawn = awaitingApproval("alice", partner, endDate);
        fixtures.workflow().withdraw(withdrawn.id(), "alice");

        at(weekBeforeLast.plusDays(7).plusHours(1));
        AccessRequestView pending = awaitingApproval("dave", partner, endDate);
        AccessRequestView rejected = awaitingApproval("alice", partner, endDate);
        driver.complete(task("hostAdminApproval", fixtures.instance(rejected)), "bob",
                Map.of("approved", false, "comment", "No"));
        ClockUtil.reset();

        String path = "/api/organisations/" + partnerId + "/sharing?weeks=4";
        assertThat(api.as("alice").get(path).getStatusCode()).as("an employee").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("aude").get(path).getStatusCode()).as("an auditor").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> answer = api.as("carol").get(path);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode organisation = answer.getBody().get("organisation");
        assertThat(organisation.get("name").asText()).isEqualTo(partner);
        assertThat(organisation.get("sharedChannels").asInt()).isEqualTo(2);
        assertThat(organisation.get("workspaces").toString()).isEqualTo("[\"acme-main\"]");
        assertThat(organisation.get("channels").findValuesAsText("name"))
                .containsExactlyInAnyOrder(first.channelName(), second.channelName());
        JsonNode nda = organisation.get("nda");
        assertThat(nda.get("expiresOn").asText()).isEqualTo(today.plusDays(30).toString());
        assertThat(nda.get("daysLeft").asInt()).isEqualTo(30);
        assertThat(nda.get("endsSoon").asBoolean()).as("within the 60 days' notice").isTrue();
        assertThat(nda.get("expired").asBoolean()).isFalse();
        assertThat(organisation.get("openRequests").findValuesAsText("id")).containsExactly(pending.id());
        assertThat(organisation.get("openRequests").get(0).get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(organisation.get("partnershipEnded").isNull()).isTrue();

        JsonNode weeks = answer.getBody().get("weeks");
        assertThat(weeks).hasSize(4);
        assertThat(weeks.get(1).get("week").asText()).isEqualTo(weekBeforeLast.toLocalDate().toString());
        assertThat(weeks.get(0).get("requests").toString())
                .isEqualTo("{\"PENDING\":0,\"CONNECTED\":0,\"REJECTED\":0,\"EXPIRED\":0,\"WITHDRAWN\":0}");
        assertThat(weeks.get(1).get("requests").toString())
                .isEqualTo("{\"PENDING\":0,\"CONNECTED\":2,\"REJECTED\":0,\"EXPIRED\":0,\"WITHDRAWN\":1}");
        assertThat(weeks.get(1).get("connections").asInt()).isEqualTo(2);
        assertThat(weeks.get(1).get("medianHoursToConnection").asDouble()).as("24 and 48 hours").isEqualTo(36.0);
        assertThat(weeks.get(1).get("p90HoursToConnection").asDouble()).isEqualTo(48.0);
        assertThat(weeks.get(2).get("requests").toString())
                .isEqualTo("{\"PENDING\":1,\"CONNECTED\":0,\"REJECTED\":1,\"EXPIRED\":0,\"WITHDRAWN\":0}");
        assertThat(weeks.get(2).get("connections").asInt()).isZero();
        assertThat(weeks.get(2).get("medianHoursToConnection").isNull()).isTrue();

        JsonNode all = api.as("bob").get("/api/organisations/sharing?weeks=4").getBody();
        JsonNode listed = all.get("organisations").findParents("id").stream()
                .filter(o -> o.get("id").asText().equals(partnerId)).findFirst().orElseThrow();
        assertThat(listed).isEqualTo(organisation);
        assertThat(all.get("weeks").get(1).get("requests").get("CONNECTED").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(api.as("alice").get("/api/organisations/sharing").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertProblem(api.as("carol").get("/api/organisations/sharing?weeks=0"), HttpStatus.BAD_REQUEST, "weeks");
        assertThat(api.as("carol").get("/api/organisations/nowhere/sharing").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as("carol").get("/api/organisations/acme/sharing").getStatusCode()).as("the host")
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** Cockpit's organisations view reads with the session workspace admins sign in to Cockpit with (README). */
    @Test
    void workspaceAdminsReadTheOrganisationsInCockpitWithTheirSession() throws Exception {
        var cockpit = WebappSession.signIn(port, "bob", "cockpit");
        var answer = cockpit.gatehouse("GET", "/api/organisations/sharing?weeks=2", null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"organisations\"").contains("\"weeks\"");
        assertThat(WebappSession.signIn(port, "aude", "cockpit").gatehouse("GET", "/api/organisations/sharing", null)
                .statusCode()).as("an auditor in Cockpit").isEqualTo(403);
        assertThat(cockpit.gatehouse("GET", "/api/access-requests", null).statusCode())
                .as("other routes take HTTP Basic alone").isEqualTo(401);
    }
}
