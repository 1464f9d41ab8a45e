package org.gatehouse.experts;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("remindExpertInvitee")
class RemindExpertInviteeDelegate implements JavaDelegate {

    private final ExpertInvitationService invitations;

    RemindExpertInviteeDelegate(ExpertInvitationService invitations) {
        this.invitations = invitations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        invitations.remind(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
