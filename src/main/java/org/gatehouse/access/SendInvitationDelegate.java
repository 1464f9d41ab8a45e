package org.gatehouse.access;

import static org.gatehouse.access.AccessRequestProcess.INVITED_ON_PLATFORM;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The partner's invitation: Gatehouse's link, or the chat platform's own (Slack Connect), which later steps tidy up. */
@Component("sendInvitation")
class SendInvitationDelegate implements JavaDelegate {

    private final AccessRequestService requests;

    SendInvitationDelegate(AccessRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        INVITED_ON_PLATFORM.set(execution, requests.sendInvitation(execution.getProcessBusinessKey(),
                execution.getProcessInstanceId()));
    }
}
