package org.gatehouse.approvals;

import static org.gatehouse.platform.ProcessVariables.businessKeyOrNew;
import static org.gatehouse.platform.ProcessVariables.starter;
import static org.gatehouse.approvals.ApprovalProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of every approval, standalone or called from a ticket. A start by a signed-in user in Tasklist always
 * counts that user as the requester, whatever the submitted variables say. How long an approval stays open, by
 * default and at most, is the step's input parameters {@code defaultDueIn} and {@code maxDueIn}, which process owners
 * set in Modeler.
 */
@Component("registerApproval")
class RegisterApprovalDelegate implements JavaDelegate {

    private final ApprovalService approvals;

    RegisterApprovalDelegate(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ApprovalView approval = approvals.register(businessKeyOrNew(execution), APPROVER.from(execution),
                starter(execution, REQUESTED_BY), SUBJECT.from(execution), DETAILS.from(execution),
                SUBJECT_REF.from(execution), DUE_IN.from(execution),
                new ApprovalService.DueTimes(DEFAULT_DUE_IN.input(execution), MAX_DUE_IN.input(execution)),
                execution.getProcessInstanceId());
        APPROVER.set(execution, approval.approver());
        REQUESTED_BY.set(execution, approval.requestedBy());
        APPROVER_NAME.set(execution, approval.approverName());
        APPROVAL_EXPIRES_AT.set(execution, approval.expiresAt());
    }
}
