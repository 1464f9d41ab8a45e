package org.gatehouse.approvals;

import static org.gatehouse.platform.ProcessVariables.currentUser;
import static org.gatehouse.approvals.ApprovalProcess.APPROVAL_COMMENT;
import static org.gatehouse.approvals.ApprovalProcess.APPROVED;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of {@code approve}: records the answer of the signed-in approver, whichever API completes the task;
 * anyone else's completion is refused and the task stays open.
 */
@Component("approvalAnswer")
class ApprovalAnswerListener implements TaskListener {

    private final ApprovalService approvals;

    ApprovalAnswerListener(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public void notify(DelegateTask task) {
        approvals.answerInTasklist(task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId(),
                currentUser(task), APPROVED.required(task), APPROVAL_COMMENT.from(task));
    }
}
