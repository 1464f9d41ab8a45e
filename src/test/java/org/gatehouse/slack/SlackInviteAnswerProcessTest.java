package org.gatehouse.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDateTime;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gatehouse.EngineTest;
import org.gatehouse.TestSlack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code slack-invite-answer}: the answer waits behind an async continuation, goes to Slack once, and a second
 * instance for the same invitation request (a retry after Slack took it) sends nothing.
 */
class SlackInviteAnswerProcessTest extends EngineTest {

    @Autowired SlackInviteAnswers answers;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void resetSlack() {
        TestSlack.reset();
    }

    @Test
    void theDecisionGoesToSlackOnceBehindAnAsyncContinuation() {
        String inviteId = "I0" + SlackFixtures.newUserId().substring(2) + "PRC";
        jdbc.sql("insert into slack_invite_request (invite_id, slack_user_id, slack_channel_id, channel_name, "
                + "invited_email, decision, reason, received_at) values (?, ?, ?, ?, ?, 'DENY', ?, ?)")
                .params(inviteId, SlackFixtures.newUserId(), "C0PROCESS", "process-test", "pat@partner.example",
                        "The request was rejected", LocalDateTime.now()).update();
        TestSlack.answer("conversations.requestSharedInvite.deny", "\"invite_id\":\"" + inviteId + "\"");

        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(answers.start(inviteId)).singleResult();
        assertThat(pi).hasPassed("StartEvent_RequestEnded").isWaitingAt(SlackInviteAnswers.TASK_ANSWER);
        TestSlack.server().verify(0, postRequestedFor(urlPathEqualTo("/api/conversations.requestSharedInvite.deny")));

        driver.runJobs(pi.getId());
        assertThat(pi).hasPassed(SlackInviteAnswers.TASK_ANSWER, "EndEvent_SlackAnswered").isEnded();
        TestSlack.server().verify(1, postRequestedFor(urlPathEqualTo("/api/conversations.requestSharedInvite.deny"))
                .withFormParam("invite_id", equalTo(inviteId)).withFormParam("message", equalTo("The request was rejected")));

        String again = answers.start(inviteId);
        driver.runJobs(again);
        TestSlack.server().verify(1, postRequestedFor(urlPathEqualTo("/api/conversations.requestSharedInvite.deny")));
    }
}
