package org.gatehouse.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.gatehouse.FlakyChannelGateway;
import org.gatehouse.HttpTest;
import org.gatehouse.TestSlack;
import org.gatehouse.access.AccessRequestService;
import org.gatehouse.access.AccessRequestView;
import org.gatehouse.directory.Person;
import org.gatehouse.platform.RetryAfterException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Slack gateway in the shared context's processes, in the local one's place: what Slack refuses becomes, once the
 * retries are spent, an incident that says what to change in Slack; Slack's rate limit moves the next try to when
 * Slack said; and people with a Slack account are told by direct message.
 */
class SlackGatewayJobsTest extends HttpTest {

    @Autowired FlakyChannelGateway platform;
    @Autowired SlackConnectFixtures connect;
    @Autowired ManagementService management;
    @Autowired AccessRequestService requests;
    @Autowired SlackFixtures slack;

    @BeforeEach
    void slackInsteadOfTheLocalPlatform() {
        TestSlack.reset();
        platform.use(connect.gateway(true));
    }

    @AfterEach
    void localPlatformAgain() {
        platform.useLocal();
    }

    /** A request for a new channel: its instance goes on to the Slack Connect invitation's job. */
    private AccessRequestView submitted() {
        return fixtures.submit("alice", "Globex", LocalDate.now().plusMonths(1));
    }

    @Test
    void aMissingScopeBecomesAnIncidentThatNamesIt() {
        TestSlack.refuse("conversations.create", "missing_scope", "\"needed\":\"channels:manage\","
                + "\"provided\":\"chat:write,im:write\"");
        AccessRequestView request = submitted();

        Incident incident = driver.failUntilIncident(fixtures.instance(request).getId(), "Activity_SendInvitation");

        assertThat(incident.getIncidentMessage()).contains("Slack refused conversations.create (missing_scope)",
                "the app lacks the scope channels:manage", "reinstall the app");
        assertThat(requests.get(request.id()).status().name()).as("nobody was invited").isNotEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void aRateLimitedCallIsTriedAgainWhenSlackSays() {
        TestSlack.server().stubFor(post(urlPathEqualTo("/api/conversations.create")).inScenario("rate limit")
                .whenScenarioStateIs(STARTED).willSetStateTo("calm")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
                        .withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));
        TestSlack.server().stubFor(post(urlPathEqualTo("/api/conversations.create")).inScenario("rate limit")
                .whenScenarioStateIs("calm").willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"C0LIMITED\","
                        + "\"name\":\"limited\",\"is_channel\":true,\"is_private\":false,\"is_member\":true}}")));
        TestSlack.answer("conversations.inviteShared", "\"invite_id\":\"I0LIMITED\"");
        AccessRequestView request = submitted();
        String pi = fixtures.instance(request).getId();

        Date failedAt = ClockUtil.getCurrentTime();
        assertThatThrownBy(() -> driver.runJobs(pi)).isInstanceOf(RetryAfterException.class).hasMessageContaining("30 s");
        Job waiting = driver.job(pi, "Activity_SendInvitation");
        assertThat(waiting.getRetries()).as("a try spent, as for any failure").isEqualTo(4);
        assertThat(waiting.getDuedate()).as("the next try, when Slack said")
                .isBetween(new Date(failedAt.getTime() + 29_000), new Date(failedAt.getTime() + 31_000));
        assertThat(management.createJobQuery().processInstanceId(pi).executable().count()).isZero();

        ClockUtil.setCurrentTime(new Date(waiting.getDuedate().getTime() + 1000));
        driver.runJobs(pi);

        assertThat(requests.get(request.id()).status().name()).isEqualTo("AWAITING_APPROVAL");
        TestSlack.server().verify(2, postRequestedFor(urlPathEqualTo("/api/conversations.create")));
        TestSlack.server().verify(1, postRequestedFor(urlPathEqualTo("/api/conversations.inviteShared"))
                .withFormParam("channel", equalTo("C0LIMITED")));
    }

    @Test
    void aPersonWithASlackAccountIsToldByDirectMessage() {
        Person invitee = slack.newSlackEmployee();
        TestSlack.answer("conversations.open", "\"channel\":{\"id\":\"D0INVITEE\"}");
        TestSlack.answer("chat.postMessage", "\"channel\":\"D0INVITEE\",\"ts\":\"1700000000.000500\"");

        String id = api.as("admin").post("/api/experts/invitations", Map.of("personId", invitee.id())).getBody().get("id")
                .asText();
        driver.runJobs(driver.instance(id).getId());

        TestSlack.server().verify(postRequestedFor(urlPathEqualTo("/api/conversations.open"))
                .withFormParam("users", equalTo(invitee.slackUserId())));
        TestSlack.server().verify(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withFormParam("channel", equalTo("D0INVITEE")).withFormParam("text", containing("/expert-invitations/")));
    }
}
