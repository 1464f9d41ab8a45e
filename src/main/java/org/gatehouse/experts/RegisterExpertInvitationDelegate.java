package org.gatehouse.experts;

import static org.gatehouse.experts.ExpertOnboardingProcess.*;
import static org.gatehouse.platform.ProcessVariables.businessKeyOrNew;
import static org.gatehouse.platform.ProcessVariables.starter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of every onboarding, started by the API or by the Tasklist start form. A start by a signed-in user
 * (Tasklist) always counts that user as the inviter, whatever the submitted variables say. How long the invitation
 * stays open is the step's input parameter {@code invitationValidFor}, which process owners set in Modeler.
 */
@Component("registerExpertInvitation")
class RegisterExpertInvitationDelegate implements JavaDelegate {

    private final ExpertInvitationService invitations;

    RegisterExpertInvitationDelegate(ExpertInvitationService invitations) {
        this.invitations = invitations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ExpertInvitationView invitation = invitations.register(businessKeyOrNew(execution),
                PERSON_ID.from(execution), starter(execution, INVITED_BY), INVITATION_VALID_FOR.input(execution),
                execution.getProcessInstanceId());
        PERSON_ID.set(execution, invitation.personId());
        INVITED_BY.set(execution, invitation.invitedBy());
        INVITEE_NAME.set(execution, invitation.personName());
        INVITATION_EXPIRES_AT.set(execution, invitation.expiresAt());
    }
}
