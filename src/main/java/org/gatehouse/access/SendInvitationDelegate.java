package org.gatehouse.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("sendInvitation")
class SendInvitationDelegate implements JavaDelegate {

    private final AccessRequestService requests;

    SendInvitationDelegate(AccessRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.sendInvitation(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
