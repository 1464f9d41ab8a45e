package org.gatehouse.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A request that came to nothing after Slack's invitation went out: declined there, its new channel archived. */
@Component("withdrawPlatformInvitation")
class WithdrawPlatformInvitationDelegate implements JavaDelegate {

    private final AccessRequestService requests;

    WithdrawPlatformInvitationDelegate(AccessRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.abandonPlatformInvitation(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
