package org.gatehouse.approvals;

import java.util.Map;
import java.util.Set;

import org.gatehouse.platform.AskedByLinkRules;
import org.gatehouse.platform.GatehouseGroups;
import org.springframework.stereotype.Component;

/**
 * {@code approval}: the expert who asks never answers, not even as an admin in Tasklist (four eyes); the register step
 * already refuses them as the approver. What is to be approved, often a ticket's matter, and the approver's comment
 * stay out of history.
 */
@Component
class ApprovalRules extends AskedByLinkRules {

    /** Experts ask employees for approvals (also standalone); the approver, any employee, opens the task's form. */
    ApprovalRules() {
        super(ApprovalProcess.KEY, ApprovalProcess.TASK_APPROVE, ApprovalProcess.REQUESTED_BY, GatehouseGroups.EXPERTS,
                GatehouseGroups.REQUESTERS, ApprovalProcess.MSG_APPROVED, ApprovalProcess.MSG_REJECTED);
    }

    @Override
    public Map<String, Set<String>> requiredInputs() {
        return Map.of("Activity_RegisterApproval", Set.of(ApprovalProcess.DEFAULT_DUE_IN.name(),
                ApprovalProcess.MAX_DUE_IN.name()));
    }

    @Override
    public Set<String> privateVariables() {
        return Set.of(ApprovalProcess.SUBJECT.name(), ApprovalProcess.DETAILS.name(),
                ApprovalProcess.APPROVAL_COMMENT.name());
    }
}
