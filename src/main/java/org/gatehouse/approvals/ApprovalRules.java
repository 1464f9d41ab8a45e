package org.gatehouse.approvals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gatehouse.platform.FourEyes;
import org.gatehouse.platform.GatehouseGroups;
import org.gatehouse.platform.Grant;
import org.gatehouse.platform.ProcessRules;
import org.springframework.stereotype.Component;

/**
 * {@code approval}: the expert who asks never answers, not even as an admin in Tasklist (four eyes); the register step
 * already refuses them as the approver. What is to be approved, often a ticket's matter, and the approver's comment
 * stay out of history.
 */
@Component
class ApprovalRules implements ProcessRules {

    @Override
    public String processKey() {
        return ApprovalProcess.KEY;
    }

    @Override
    public Map<String, TaskListener> fourEyesTasks() {
        return Map.of(ApprovalProcess.TASK_APPROVE, FourEyes.keepingOff(ApprovalProcess.REQUESTED_BY));
    }

    @Override
    public Set<String> privateVariables() {
        return Set.of(ApprovalProcess.SUBJECT.name(), ApprovalProcess.DETAILS.name(),
                ApprovalProcess.APPROVAL_COMMENT.name());
    }

    @Override
    public Set<String> messageNames() {
        return Set.of(ApprovalProcess.MSG_APPROVED, ApprovalProcess.MSG_REJECTED);
    }

    /** Experts ask employees for approvals (also standalone); the approver, any employee, opens the task's form. */
    @Override
    public List<Grant> grants() {
        return Stream.concat(Grant.toStart(GatehouseGroups.EXPERTS, ApprovalProcess.KEY).stream(),
                Stream.of(Grant.onProcess(GatehouseGroups.REQUESTERS, ApprovalProcess.KEY,
                        ProcessDefinitionPermissions.READ))).toList();
    }
}
