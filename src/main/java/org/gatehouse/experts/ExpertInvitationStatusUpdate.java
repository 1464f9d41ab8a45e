package org.gatehouse.experts;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gatehouse.platform.CalledFromModels;
import org.springframework.stereotype.Component;

/**
 * Called from the end events' listeners, {@code ${expertInvitationStatus.close(execution, 'DECLINED')}}, so that what
 * each end means is visible in the model. The invitation refuses an end that its record does not bear out (a refusal
 * the invitee did not give, an expiry before its time).
 */
@CalledFromModels
@Component("expertInvitationStatus")
public class ExpertInvitationStatusUpdate {

    private final ExpertInvitationService invitations;

    ExpertInvitationStatusUpdate(ExpertInvitationService invitations) {
        this.invitations = invitations;
    }

    public void close(DelegateExecution execution, String status) {
        invitations.close(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
                ExpertInvitation.Status.valueOf(status));
    }
}
