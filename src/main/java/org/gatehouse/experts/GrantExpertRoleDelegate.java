package org.gatehouse.experts;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The invitee accepted (by the link or in Tasklist): they become an expert. */
@Component("grantExpertRole")
class GrantExpertRoleDelegate implements JavaDelegate {

    private final ExpertInvitationService invitations;

    GrantExpertRoleDelegate(ExpertInvitationService invitations) {
        this.invitations = invitations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        invitations.grantExpertRole(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
