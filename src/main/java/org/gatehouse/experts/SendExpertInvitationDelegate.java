package org.gatehouse.experts;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("sendExpertInvitation")
class SendExpertInvitationDelegate implements JavaDelegate {

    private final ExpertInvitationService invitations;

    SendExpertInvitationDelegate(ExpertInvitationService invitations) {
        this.invitations = invitations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        invitations.send(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
