package org.gatehouse.approvals;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Nobody answered in time: the approval is EXPIRED, and the caller gets that outcome. */
@Component("recordApprovalExpiry")
class RecordApprovalExpiryDelegate implements JavaDelegate {

    private final ApprovalService approvals;

    RecordApprovalExpiryDelegate(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ApprovalOutputs.set(execution, approvals.expire(execution.getProcessBusinessKey(), execution.getProcessInstanceId()));
    }
}
