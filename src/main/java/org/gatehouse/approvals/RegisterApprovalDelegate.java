package org.gatehouse.approvals;

import static org.gatehouse.platform.ProcessVariables.businessKeyOrNew;
import static org.gatehouse.platform.ProcessVariables.starter;
import static org.gatehouse.platform.ProcessVariables.string;
import static org.gatehouse.approvals.ApprovalProcess.*;

import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of every approval, standalone or called from a ticket. A start by a signed-in user in Tasklist always
 * counts that user as the requester, whatever the submitted variables say.
 */
@Component("registerApproval")
class RegisterApprovalDelegate implements JavaDelegate {

    private final ApprovalService approvals;

    RegisterApprovalDelegate(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String requestedBy = starter(execution, REQUESTED_BY);
        ApprovalView approval = approvals.register(businessKeyOrNew(execution), string(execution, APPROVER), requestedBy,
                string(execution, SUBJECT), string(execution, DETAILS), string(execution, SUBJECT_REF),
                string(execution, DUE_IN), execution.getProcessInstanceId());
        execution.setVariable(APPROVER, approval.approver());
        execution.setVariable(REQUESTED_BY, requestedBy);
        execution.setVariable(APPROVER_NAME, approval.approverName());
        execution.setVariable(APPROVAL_EXPIRES_AT, Date.from(approval.expiresAt().toInstant(ZoneOffset.UTC)));
    }
}
