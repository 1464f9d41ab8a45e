package org.gatehouse.slack;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The member whose invitation request got no access request hears in Slack that it is denied, and why; once. */
@Component("tellSlackInviter")
class TellSlackInviterDelegate implements JavaDelegate {

    private final SlackInviteRequests requests;

    TellSlackInviterDelegate(SlackInviteRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.tellUnfiled(execution.getProcessBusinessKey());
    }
}
