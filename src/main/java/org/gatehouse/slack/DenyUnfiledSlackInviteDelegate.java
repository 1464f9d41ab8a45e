package org.gatehouse.slack;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Slack's invitation request (business key: its invite id) got no access request in time: its answer is a denial. */
@Component("denyUnfiledSlackInvite")
class DenyUnfiledSlackInviteDelegate implements JavaDelegate {

    private final SlackInviteRequests requests;

    DenyUnfiledSlackInviteDelegate(SlackInviteRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.denyUnfiled(execution.getProcessBusinessKey());
    }
}
