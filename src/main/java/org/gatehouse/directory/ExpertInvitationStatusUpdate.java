package org.gatehouse.directory;

import static org.gatehouse.directory.ExpertOnboardingProcess.DECLINE_REASON;
import static org.gatehouse.platform.ProcessVariables.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gatehouse.platform.CalledFromModels;
import org.springframework.stereotype.Component;

/**
 * Called from the end events' listeners, {@code ${expertInvitationStatus.close(execution, 'DECLINED')}}, so that what
 * each end means is visible in the model.
 */
@CalledFromModels
@Component("expertInvitationStatus")
public class ExpertInvitationStatusUpdate {

    private final ExpertInvitationService invitations;

    ExpertInvitationStatusUpdate(ExpertInvitationService invitations) {
        this.invitations = invitations;
    }

    public void close(DelegateExecution execution, String status) {
        invitations.close(execution.getProcessBusinessKey(), ExpertInvitation.Status.valueOf(status),
                string(execution, DECLINE_REASON));
    }
}
