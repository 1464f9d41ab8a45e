package org.gatehouse.experts;

import static org.gatehouse.experts.ExpertOnboardingProcess.ACCEPTED;
import static org.gatehouse.experts.ExpertOnboardingProcess.DECLINE_REASON;
import static org.gatehouse.platform.ProcessVariables.currentUser;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of {@code acceptInvitation}: records the answer of the signed-in invitee, whichever API completes the
 * task. The grant step and the end events then act on this record, never on the variables alone.
 */
@Component("expertInvitationAnswer")
class ExpertInvitationAnswerListener implements TaskListener {

    private final ExpertInvitationService invitations;

    ExpertInvitationAnswerListener(ExpertInvitationService invitations) {
        this.invitations = invitations;
    }

    @Override
    public void notify(DelegateTask task) {
        invitations.answerInTasklist(task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId(),
                currentUser(task), ACCEPTED.required(task), DECLINE_REASON.from(task));
    }
}
