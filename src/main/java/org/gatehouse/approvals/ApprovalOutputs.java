package org.gatehouse.approvals;

import static org.gatehouse.approvals.ApprovalProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The approval's output variables, the same on every end: the call activity maps them back to the ticket. */
final class ApprovalOutputs {

    private ApprovalOutputs() {
    }

    static void set(DelegateExecution execution, ApprovalView approval) {
        execution.setVariable(APPROVAL_OUTCOME, approval.status());
        execution.setVariable(APPROVAL_COMMENT, approval.comment());
        execution.setVariable(APPROVED_BY, approval.answeredBy());
        execution.setVariable(ANSWERED_VIA, approval.answeredVia());
    }
}
