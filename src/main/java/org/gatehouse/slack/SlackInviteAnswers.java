package org.gatehouse.slack;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.Correlations;
import org.gatehouse.platform.GatehouseEngineCalls;
import org.springframework.stereotype.Component;

/**
 * The contract of {@code slack-invite-answer}, one instance per invitation request from Slack's receipt of it
 * (business key: Slack's invite id), and its messages, each sent in the caller's transaction: Slack hears an answer
 * only if the change that decided it commits.
 */
@Component
@GatehouseEngineCalls
class SlackInviteAnswers {

    static final String KEY = "slack-invite-answer";
    /** The member filed the access request for the invitation request: no time limit any more. */
    static final String MSG_FILED = "SlackInviteRequestFiled";
    /** The access request decided Slack's answer: approved by the host admin, or ended before that. */
    static final String MSG_DECIDED = "SlackInviteRequestDecided";
    static final String TASK_ANSWER = "Activity_AnswerSlack";
    static final String TIMER_NOTHING_FILED = "Event_NothingFiled";

    private final RuntimeService runtime;

    SlackInviteAnswers(RuntimeService runtime) {
        this.runtime = runtime;
    }

    String start(String inviteId) {
        return runtime.startProcessInstanceByKey(KEY, inviteId).getProcessInstanceId();
    }

    /**
     * The request is filed. An invitation request received before this process started at receipt has no instance
     * yet: it gets one now. Refused when its time ran out and Slack is being told no.
     */
    void filed(String inviteId) {
        if (!running(inviteId)) {
            start(inviteId);
        }
        Correlations.correlate(runtime, MSG_FILED, inviteId, Map.of(), () -> new ConflictException("channelName",
                "Slack's invitation request " + inviteId + " is answered already: invite again from Slack's menu"));
    }

    /** The answer is decided; an instance already answering sends what the record says by then. */
    void decided(String inviteId) {
        if (!running(inviteId)) {
            filed(inviteId);
        }
        if (waitsFor(inviteId, MSG_DECIDED)) {
            Correlations.correlate(runtime, MSG_DECIDED, inviteId, Map.of(), () -> new ConflictException("status",
                    "Slack's invitation request " + inviteId + " is not waiting for its answer"));
        }
    }

    private boolean running(String inviteId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(inviteId)
                .count() > 0;
    }

    private boolean waitsFor(String inviteId, String message) {
        return runtime.createExecutionQuery().processDefinitionKey(KEY).processInstanceBusinessKey(inviteId)
                .messageEventSubscriptionName(message).count() > 0;
    }
}
