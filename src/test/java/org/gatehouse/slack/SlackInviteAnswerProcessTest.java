package org.gatehouse.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gatehouse.EngineTest;
import org.gatehouse.TestSlack;
import org.gatehouse.platform.ConflictException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code slack-invite-answer}, from Slack's invitation request to Slack's answer: filed and decided, the answer waits
 * behind an async continuation and goes to Slack once (Slack's word that it took it before counts as done); nobody
 * files a request in the model's time, and Slack hears no, the member why, once; a filing after that is refused.
 */
class SlackInviteAnswerProcessTest extends EngineTest {

    @Autowired SlackInviteAnswers answers;
    @Autowired SlackInviteRequests requests;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void resetSlack() {
        TestSlack.reset();
    }

    @Test
    void aDecisionGoesToSlackOnceBehindAnAsyncContinuation() {
        String inviteId = invitationRequested(SlackFixtures.newUserId());
        ProcessInstance pi = driver.instance(inviteId);
        assertThat(pi).hasPassed("StartEvent_InviteRequested").isWaitingAt("Gateway_RequestFiled");

        requests.link(inviteId, UUID.randomUUID().toString());
        assertThat(pi).hasPassed("Gateway_RequestFiled", "Event_RequestFiled").isWaitingAt("Event_RequestDecided");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().count()).as("no time limit once filed")
                .isZero();
        jdbc.sql("update slack_invite_request set decision = 'DENY', reason = 'The request was rejected' "
                + "where invite_id = ?").param(inviteId).update();
        answers.decided(inviteId);
        assertThat(pi).isWaitingAt(SlackInviteAnswers.TASK_ANSWER);
        TestSlack.server().verify(0, postRequestedFor(urlPathEqualTo("/api/conversations.requestSharedInvite.deny")));

        // Slack took the denial, but its answer was lost: the retry hears that it is denied already
        TestSlack.server().stubFor(post(urlPathEqualTo("/api/conversations.requestSharedInvite.deny"))
                .willReturn(serverError()));
        String job = driver.job(pi.getId(), SlackInviteAnswers.TASK_ANSWER).getId();
        assertThatThrownBy(() -> engine.getManagementService().executeJob(job))
                .hasMessageContaining("conversations.requestSharedInvite.deny");
        TestSlack.refuse("conversations.requestSharedInvite.deny", "invite_already_denied");
        engine.getManagementService().executeJob(driver.job(pi.getId(), SlackInviteAnswers.TASK_ANSWER).getId());
        assertThat(pi).hasPassed(SlackInviteAnswers.TASK_ANSWER, "EndEvent_SlackAnswered").isEnded();
        TestSlack.server().verify(2, postRequestedFor(urlPathEqualTo("/api/conversations.requestSharedInvite.deny"))
                .withFormParam("invite_id", equalTo(inviteId)).withFormParam("message", equalTo("The request was rejected")));
        assertThat(requests.find(inviteId).orElseThrow().answeredAt()).isNotNull();
    }

    @Test
    void anInvitationRequestNobodyFilesARequestForIsDeniedAndTheMemberToldOnce() {
        String member = SlackFixtures.newUserId();
        String inviteId = invitationRequested(member);
        ProcessInstance pi = driver.instance(inviteId);
        assertThat(driver.timerDuration(pi.getProcessDefinitionId(), SlackInviteAnswers.TIMER_NOTHING_FILED))
                .isEqualTo(Duration.ofDays(7));
        TestSlack.answer("conversations.requestSharedInvite.deny", "\"invite_id\":\"" + inviteId + "\"");
        TestSlack.answer("conversations.open", "\"channel\":{\"id\":\"D0UNFILED\"}");
        TestSlack.answer("chat.postMessage", "\"channel\":\"D0UNFILED\",\"ts\":\"" + SlackFixtures.newTs() + "\"");

        driver.fireTimer(pi.getId(), SlackInviteAnswers.TIMER_NOTHING_FILED);
        assertThat(pi).hasPassed("Event_NothingFiled", "Activity_DenyUnfiled", "Activity_AnswerUnfiled",
                "Activity_TellMember", "EndEvent_DeniedUnfiled").isEnded();
        TestSlack.server().verify(1, postRequestedFor(urlPathEqualTo("/api/conversations.requestSharedInvite.deny"))
                .withFormParam("invite_id", equalTo(inviteId))
                .withFormParam("message", equalTo("no access request was filed for it in time. Invite again from "
                        + "Slack's menu, and complete the request Gatehouse sends you.")));
        TestSlack.server().verify(1, postRequestedFor(urlPathEqualTo("/api/conversations.open"))
                .withFormParam("users", equalTo(member)));
        TestSlack.server().verify(1, postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withFormParam("channel", equalTo("D0UNFILED"))
                .withFormParam("text", equalTo("Your invitation of pat@partner.example to #process-test is denied: no "
                        + "access request was filed for it in time. Invite again from Slack's menu, and complete the "
                        + "request Gatehouse sends you.")));

        requests.tellUnfiled(inviteId);
        TestSlack.server().verify(1, postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
        assertThatThrownBy(() -> requests.link(inviteId, UUID.randomUUID().toString()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("invite again from Slack's menu");
    }

    /** Slack's invitation request as kept at its receipt, its process started; answers the invite id. */
    private String invitationRequested(String member) {
        String inviteId = "I0" + SlackFixtures.newUserId().substring(2) + "PRC";
        jdbc.sql("insert into slack_invite_request (invite_id, slack_user_id, slack_channel_id, channel_name, "
                + "invited_email, received_at) values (?, ?, ?, ?, ?, ?)")
                .params(inviteId, member, "C0PROCESS", "process-test", "pat@partner.example", LocalDateTime.now())
                .update();
        answers.start(inviteId);
        return inviteId;
    }
}
