package org.gatehouse.approvals;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The approver answered, in their Tasklist task or by the link: each recorded the answer as it came. This step hands
 * the recorded answer to the caller as output variables, and refuses when none is recorded: variables sent by a
 * client (approved, approver, answeredVia) answer nothing.
 */
@Component("recordApprovalAnswer")
class RecordApprovalAnswerDelegate implements JavaDelegate {

    private final ApprovalService approvals;

    RecordApprovalAnswerDelegate(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ApprovalOutputs.set(execution, approvals.recordedAnswer(execution.getProcessBusinessKey(), execution.getProcessInstanceId()));
    }
}
