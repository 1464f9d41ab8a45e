package org.gatehouse.approvals;

import static org.gatehouse.platform.ProcessVariable.booleanVariable;
import static org.gatehouse.platform.ProcessVariable.durationVariable;
import static org.gatehouse.platform.ProcessVariable.stringVariable;
import static org.gatehouse.platform.ProcessVariable.timestampVariable;

import java.time.Duration;
import java.time.LocalDateTime;

import org.gatehouse.platform.ProcessVariable;

/**
 * The public contract of {@code bpmn/approval.bpmn}, a call activity of the ticket lifecycle (and started alone by
 * {@code POST /api/approvals}): its key, task, messages and the variables Java reads or writes, as listed in
 * {@code bpmn/README.md} (a test keeps them in step).
 */
public final class ApprovalProcess {

    public static final String KEY = "approval";

    public static final String MSG_APPROVED = "ApprovalGrantedByLink";
    public static final String MSG_REJECTED = "ApprovalRejectedByLink";

    public static final String TASK_APPROVE = "approve";

    // inputs (the call activity's in mapping)
    public static final ProcessVariable<String> APPROVER = stringVariable("approver");
    public static final ProcessVariable<String> SUBJECT = stringVariable("subject");
    public static final ProcessVariable<String> DETAILS = stringVariable("details");
    public static final ProcessVariable<String> REQUESTED_BY = stringVariable("requestedBy");
    public static final ProcessVariable<String> DUE_IN = stringVariable("dueIn");
    public static final ProcessVariable<String> SUBJECT_REF = stringVariable("subjectRef");

    // input parameters of 'Register approval', set in the model: how long an approval stays open without a dueIn, and
    // the longest dueIn a caller may ask for
    public static final ProcessVariable<Duration> DEFAULT_DUE_IN = durationVariable("defaultDueIn");
    public static final ProcessVariable<Duration> MAX_DUE_IN = durationVariable("maxDueIn");

    // set by the process, for the form
    public static final ProcessVariable<String> APPROVER_NAME = stringVariable("approverName");
    public static final ProcessVariable<LocalDateTime> APPROVAL_EXPIRES_AT = timestampVariable("approvalExpiresAt");
    public static final ProcessVariable<Boolean> APPROVED = booleanVariable("approved");

    // outputs (the call activity's out mapping)
    public static final ProcessVariable<String> APPROVAL_OUTCOME = stringVariable("approvalOutcome");
    public static final ProcessVariable<String> APPROVAL_COMMENT = stringVariable("approvalComment");
    public static final ProcessVariable<String> APPROVED_BY = stringVariable("approvedBy");
    public static final ProcessVariable<String> ANSWERED_VIA = stringVariable("answeredVia");

    private ApprovalProcess() {
    }
}
