package org.gatehouse.approvals;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("remindApprover")
class RemindApproverDelegate implements JavaDelegate {

    private final ApprovalService approvals;

    RemindApproverDelegate(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        approvals.remind(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
