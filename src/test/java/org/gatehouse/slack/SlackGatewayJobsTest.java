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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gatehouse.FlakyChannelGateway;
import org.gatehouse.HttpTest;
import org.gatehouse.TestSlack;
import org.gatehouse.access.AccessRequestService;
import org.gatehouse.access.AccessRequestView;
import org.gatehouse.directory.OrganisationService;
import org.gatehouse.directory.Person;
import org.gatehouse.directory.PersonService;
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
    @Autowired SlackWebApi web;
    @Autowired SlackChannels slackChannels;
    @Autowired OrganisationService organisations;
    @Autowired PersonService people;
    @Autowired ManagementService management;
    @Autowired AccessRequestService requests;
    @Autowired SlackFixtures slack;

    @BeforeEach
    void slackInsteadOfTheLocalPlatform() {
        TestSlack.reset();
        platform.use(new SlackChannelGateway(web, slackChannels, organisations, people));
    }

    @AfterEach
    void localPlatformAgain() {
        platform.useLocal();
    }

    /** A request for a new channel, approved on both sides: its instance waits at the connection's job. */
    private AccessRequestView approved() {
        AccessRequestView request = fixtures.submit("alice", "Globex", LocalDate.now().plusMonths(1));
        ProcessInstance pi = fixtures.instance(request);
        driver.runJobs(pi.getId());
        driver.complete(task("hostAdminApproval", pi), "bob", Map.of("approved", true));
        fixtures.partnerAccepts(request);
        return request;
    }

    @Test
    void aMissingScopeBecomesAnIncidentThatNamesIt() {
        TestSlack.refuse("conversations.create", "missing_scope", "\"needed\":\"channels:manage\","
                + "\"provided\":\"chat:write,im:write\"");
        AccessRequestView request = approved();

        Incident incident = driver.failUntilIncident(fixtures.instance(request).getId(), "Activity_Connect");

        assertThat(incident.getIncidentMessage()).contains("Slack refused conversations.create (missing_scope)",
                "the app lacks the scope channels:manage", "reinstall the app");
        assertThat(requests.get(request.id()).status().name()).isEqualTo("AWAITING_APPROVAL");
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
        TestSlack.answer("chat.postMessage", "\"channel\":\"C0LIMITED\",\"ts\":\"1700000000.000400\"");
        TestSlack.answer("pins.add", "");
        TestSlack.answer("conversations.setTopic", "");
        AccessRequestView request = approved();
        String pi = fixtures.instance(request).getId();

        Date failedAt = ClockUtil.getCurrentTime();
        String jobId = driver.job(pi, "Activity_Connect").getId();
        assertThatThrownBy(() -> management.executeJob(jobId)).isInstanceOf(RetryAfterException.class)
                .hasMessageContaining("30 s");
        Job waiting = driver.job(pi, "Activity_Connect");
        assertThat(waiting.getRetries()).as("a try spent, as for any failure").isEqualTo(4);
        assertThat(waiting.getDuedate()).as("the next try, when Slack said")
                .isBetween(new Date(failedAt.getTime() + 29_000), new Date(failedAt.getTime() + 31_000));
        assertThat(management.createJobQuery().processInstanceId(pi).executable().count()).isZero();

        ClockUtil.setCurrentTime(new Date(waiting.getDuedate().getTime() + 1000));
        driver.runJobs(pi);

        assertThat(requests.get(request.id()).status().name()).isEqualTo("CONNECTED");
        TestSlack.server().verify(2, postRequestedFor(urlPathEqualTo("/api/conversations.create")));
        TestSlack.server().verify(postRequestedFor(urlPathEqualTo("/api/conversations.inviteShared"))
                .withFormParam("channel", equalTo("C0LIMITED")));
        TestSlack.server().verify(postRequestedFor(urlPathEqualTo("/api/pins.add"))
                .withFormParam("timestamp", equalTo("1700000000.000400")));
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
