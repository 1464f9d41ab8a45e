package org.gatehouse.access;

import static org.gatehouse.access.AccessRequestProcess.INVITATION_EXPIRES_AT;
import static org.gatehouse.access.AccessRequestProcess.LINK_VALID_FOR;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * How long the link stays valid is the step's input parameter {@code linkValidFor}, which process owners set in
 * Modeler; the link's expiry drives the timer that ends an unanswered invitation.
 */
@Component("issueInvitation")
class IssueInvitationDelegate implements JavaDelegate {

    private final AccessRequestService requests;

    IssueInvitationDelegate(AccessRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var invitation = requests.issueInvitation(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
                LINK_VALID_FOR.input(execution));
        INVITATION_EXPIRES_AT.set(execution, invitation.expiresAt());
    }
}
