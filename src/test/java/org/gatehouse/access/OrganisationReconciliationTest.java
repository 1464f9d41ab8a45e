package org.gatehouse.access;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gatehouse.FlakyChannelGateway;
import org.gatehouse.HttpTest;
import org.gatehouse.TestSlack;
import org.gatehouse.directory.OrganisationService;
import org.gatehouse.slack.SlackConnectFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * The nightly reconciliation (A9) through the chat platform's gateway, against what Gatehouse's requests approved:
 * Slack's {@code team.externalTeams.list}, page by page, answered by the tests' Slack as Slack documents it, and the
 * local platform alike. Its process's own paths and its refusal: {@code OrganisationReconciliationProcessTest}.
 */
class OrganisationReconciliationTest extends HttpTest {

    @Autowired FlakyChannelGateway gateway;
    @Autowired OffboardingFixtures partnerships;
    @Autowired OrganisationService organisations;
    @Autowired ReconciliationFixtures nights;
    @Autowired SlackConnectFixtures connect;
    @Autowired HistoryService history;

    @AfterEach
    void localPlatformAgain() {
        gateway.useLocal();
    }

    private JsonNode reconciliation() {
        var overview = api.as("carol").get("/api/organisations/sharing");
        assertThat(overview.getStatusCode()).isEqualTo(HttpStatus.OK);
        return overview.getBody().get("reconciliation");
    }

    /** One organisation of {@code team.externalTeams.list}'s answer, shaped as Slack's documentation shows it. */
    private static String team(String id, String name, int publicChannels, int privateChannels) {
        return "{\"team_id\":\"" + id + "\",\"team_name\":\"" + name + "\",\"team_domain\":\"" + id.toLowerCase()
                + "\",\"public_channel_count\":" + publicChannels + ",\"private_channel_count\":" + privateChannels
                + ",\"im_channel_count\":1,\"mpim_channel_count\":0,\"connected_workspaces\":[{\"workspace_id\":\""
                + TestSlack.TEAM + "\",\"workspace_name\":\"Acme\"}],\"slack_connect_prefs\":{},"
                + "\"connection_status\":\"CONNECTED\",\"last_active_timestamp\":1718656058,\"is_sponsored\":false,"
                + "\"canvas\":{\"total_count\":0,\"ownership_details\":[]},\"lists\":{\"total_count\":0,"
                + "\"ownership_details\":[]}}";
    }

    private static String page(String nextCursor, String... teams) {
        return "{\"ok\":true,\"organizations\":[" + String.join(",", teams) + "],\"total_count\":3,"
                + "\"response_metadata\":{\"next_cursor\":\"" + nextCursor + "\"}}";
    }

    @Test
    void slackConnectsAnOrganisationGatehouseNeverApprovedAndTheOrganisationsViewShowsIt() {
        TestSlack.reset();
        var slack = fixtures.onSlack(true);
        var request = fixtures.submit("alice", "Globex", LocalDate.now().plusMonths(2));
        fixtures.connectedOnSlack(request, slack);
        String namesake = fixtures.newPartner();
        String namesakeId = organisations.partnerNamed(namesake).id();
        // Slack's pages: the first names the cursor of the second, the second an empty one
        TestSlack.server().stubFor(post(urlPathEqualTo("/api/team.externalTeams.list")).atPriority(5)
                .willReturn(okJson(page("T0NAMESAKE",
                        team(SlackConnectFixtures.PARTNER_TEAM, "Globex", 1, 0), team("T0INITECH1", "Nobody Approved Ltd", 2, 1)))));
        TestSlack.server().stubFor(post(urlPathEqualTo("/api/team.externalTeams.list")).atPriority(1)
                .withRequestBody(containing("cursor=T0NAMESAKE"))
                .willReturn(okJson(page("", team("T0NAMESAKE", namesake, 0, 1)))));

        ProcessInstance pi = nights.nightFalls();
        driver.runJobs(pi.getId());

        assertThat(pi).hasPassed("StartEvent_Nightly", "Activity_ReconcileOrganisations", "EndEvent_Reconciled").isEnded();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
                .singleResult().getBusinessKey()).as("the run's id").isNotBlank();
        TestSlack.server().verify(2, postRequestedFor(urlPathEqualTo("/api/team.externalTeams.list"))
                .withRequestBody(containing("connection_status_filter=CONNECTED")));
        TestSlack.server().verify(1, postRequestedFor(urlPathEqualTo("/api/team.externalTeams.list"))
                .withRequestBody(containing("cursor=T0NAMESAKE")));
        JsonNode found = reconciliation();
        assertThat(found.get("connectedOnPlatform").asInt()).isEqualTo(3);
        assertThat(found.get("unapproved").findValuesAsText("platformId")).as("Globex accepted what Gatehouse approved")
                .containsExactlyInAnyOrder("T0INITECH1", "T0NAMESAKE");
        JsonNode initech = found.get("unapproved").findParents("platformId").stream()
                .filter(u -> u.get("platformId").asText().equals("T0INITECH1")).findFirst().orElseThrow();
        assertThat(initech.get("channels").asInt()).isEqualTo(3);
        assertThat(initech.get("partnerId").isNull()).isTrue();
        assertThat(initech.get("finding").asText()).contains("no request Gatehouse approved");
        JsonNode known = found.get("unapproved").findParents("platformId").stream()
                .filter(u -> u.get("platformId").asText().equals("T0NAMESAKE")).findFirst().orElseThrow();
        assertThat(known.get("partnerId").asText()).as("the directory's partner of that name").isEqualTo(namesakeId);
        assertThat(api.as("alice").get("/api/organisations/sharing").getStatusCode()).as("an employee")
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** On the local platform too, a partner whose channel a request Gatehouse approved shared is no finding. */
    @Test
    void theLocalPlatformIsReconciledTheSameWay() {
        fixtures.connected("alice", "Globex", LocalDate.now().plusMonths(2));

        ProcessInstance pi = nights.nightFalls();
        driver.runJobs(pi.getId());

        assertThat(pi).isEnded();
        JsonNode found = reconciliation();
        assertThat(found.get("connectedOnPlatform").asInt()).isPositive();
        assertThat(found.get("unapproved").findValuesAsText("platformId"))
                .doesNotContain(organisations.partnerNamed("Globex").id());
    }
}
