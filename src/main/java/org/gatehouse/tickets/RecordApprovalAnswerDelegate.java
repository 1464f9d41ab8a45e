package org.gatehouse.tickets;

import static org.gatehouse.platform.ProcessVariables.currentUser;
import static org.gatehouse.platform.ProcessVariables.flag;
import static org.gatehouse.platform.ProcessVariables.string;
import static org.gatehouse.tickets.ApprovalProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The approver answered, in Tasklist (whoever completed the task) or by the link (the approver, who holds it):
 * the answer is recorded and becomes the output variables the caller maps back.
 */
@Component("recordApprovalAnswer")
class RecordApprovalAnswerDelegate implements JavaDelegate {

    private final ApprovalService approvals;

    RecordApprovalAnswerDelegate(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Approval.Via via = Approval.Via.LINK.name().equals(string(execution, ANSWERED_VIA)) ? Approval.Via.LINK
                : Approval.Via.TASKLIST;
        String user = currentUser(execution);
        String by = via == Approval.Via.TASKLIST && user != null ? user : string(execution, APPROVER);
        ApprovalView answer = approvals.answer(execution.getProcessBusinessKey(), flag(execution, APPROVED),
                string(execution, APPROVAL_COMMENT), via, by);
        Outputs.set(execution, answer);
    }
}
