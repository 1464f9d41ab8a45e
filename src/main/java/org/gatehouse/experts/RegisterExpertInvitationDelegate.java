package org.gatehouse.experts;

import static org.gatehouse.experts.ExpertOnboardingProcess.*;
import static org.gatehouse.platform.ProcessVariables.businessKeyOrNew;
import static org.gatehouse.platform.ProcessVariables.starter;
import static org.gatehouse.platform.ProcessVariables.string;

import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of every onboarding, started by the API or by the Tasklist start form. A start by a signed-in user
 * (Tasklist) always counts that user as the inviter, whatever the submitted variables say.
 */
@Component("registerExpertInvitation")
class RegisterExpertInvitationDelegate implements JavaDelegate {

    private final ExpertInvitationService invitations;

    RegisterExpertInvitationDelegate(ExpertInvitationService invitations) {
        this.invitations = invitations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String inviter = starter(execution, INVITED_BY);
        ExpertInvitationView invitation = invitations.register(businessKeyOrNew(execution), string(execution, PERSON_ID),
                inviter, execution.getProcessInstanceId());
        execution.setVariable(PERSON_ID, invitation.personId());
        execution.setVariable(INVITED_BY, inviter);
        execution.setVariable(INVITEE_NAME, invitation.personName());
        execution.setVariable(INVITATION_EXPIRES_AT, Date.from(invitation.expiresAt().toInstant(ZoneOffset.UTC)));
    }
}
