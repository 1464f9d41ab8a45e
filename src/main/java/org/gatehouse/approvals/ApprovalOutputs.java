package org.gatehouse.approvals;

import static org.gatehouse.approvals.ApprovalProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The approval's output variables, the same on every end: the call activity maps them back to the ticket. */
final class ApprovalOutputs {

    private ApprovalOutputs() {
    }

    static void set(DelegateExecution execution, ApprovalView approval) {
        APPROVAL_OUTCOME.set(execution, approval.status());
        APPROVAL_COMMENT.set(execution, approval.comment());
        APPROVED_BY.set(execution, approval.answeredBy());
        ANSWERED_VIA.set(execution, approval.answeredVia());
    }
}
