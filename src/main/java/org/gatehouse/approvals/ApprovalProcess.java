package org.gatehouse.approvals;

/**
 * The public contract of {@code bpmn/approval.bpmn}, a call activity of the ticket lifecycle (and started alone by
 * {@code POST /api/approvals}): its key, task, messages and variables, as listed in {@code bpmn/README.md}.
 */
public final class ApprovalProcess {

    public static final String KEY = "approval";

    public static final String MSG_APPROVED = "ApprovalGrantedByLink";
    public static final String MSG_REJECTED = "ApprovalRejectedByLink";

    public static final String TASK_APPROVE = "approve";

    // inputs (the call activity's in mapping)
    public static final String APPROVER = "approver";
    public static final String SUBJECT = "subject";
    public static final String DETAILS = "details";
    public static final String REQUESTED_BY = "requestedBy";
    public static final String DUE_IN = "dueIn";
    public static final String SUBJECT_REF = "subjectRef";

    // set by the process, for the form
    public static final String APPROVER_NAME = "approverName";
    public static final String APPROVAL_EXPIRES_AT = "approvalExpiresAt";
    public static final String APPROVED = "approved";

    // outputs (the call activity's out mapping)
    public static final String APPROVAL_OUTCOME = "approvalOutcome";
    public static final String APPROVAL_COMMENT = "approvalComment";
    public static final String APPROVED_BY = "approvedBy";
    public static final String ANSWERED_VIA = "answeredVia";

    private ApprovalProcess() {
    }
}
