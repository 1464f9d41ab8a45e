package org.gatehouse.slack;

import org.camunda.bpm.engine.RuntimeService;
import org.gatehouse.platform.GatehouseEngineCalls;
import org.springframework.stereotype.Component;

/**
 * Starts {@code slack-invite-answer} for one invitation request, in the caller's transaction: Slack hears the answer
 * only if the status change that decided it commits. The business key is Slack's invite id.
 */
@Component
@GatehouseEngineCalls
class SlackInviteAnswers {

    static final String KEY = "slack-invite-answer";
    static final String TASK_ANSWER = "Activity_AnswerSlack";

    private final RuntimeService runtime;

    SlackInviteAnswers(RuntimeService runtime) {
        this.runtime = runtime;
    }

    String start(String inviteId) {
        return runtime.startProcessInstanceByKey(KEY, inviteId).getProcessInstanceId();
    }
}
