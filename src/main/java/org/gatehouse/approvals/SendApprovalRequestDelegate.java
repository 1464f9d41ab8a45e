package org.gatehouse.approvals;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("sendApprovalRequest")
class SendApprovalRequestDelegate implements JavaDelegate {

    private final ApprovalService approvals;

    SendApprovalRequestDelegate(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        approvals.send(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
