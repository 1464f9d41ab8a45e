package org.gatehouse.access;

import static org.gatehouse.access.AccessRequestProcess.INVITATION_EXPIRES_AT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The link's expiry drives the timer that ends an unanswered invitation. */
@Component("issueInvitation")
class IssueInvitationDelegate implements JavaDelegate {

    private final AccessRequestService requests;

    IssueInvitationDelegate(AccessRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var invitation = requests.issueInvitation(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
        INVITATION_EXPIRES_AT.set(execution, invitation.expiresAt());
    }
}
