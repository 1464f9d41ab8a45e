package org.gatehouse.access;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gatehouse.platform.GatehouseGroups;
import org.gatehouse.platform.Grant;
import org.gatehouse.platform.ProcessRules;
import org.gatehouse.platform.TasklistFilter;
import org.springframework.stereotype.Component;

/**
 * {@code external-access-request}: the host admin's approval is never the requester's (four eyes); the partner
 * contact's details and what people wrote (purpose, comments, reasons) stay out of history, which names who decided.
 */
@Component
class AccessRequestRules implements ProcessRules {

    private final ExcludeRequesterFromApprovalListener excludeRequester;

    AccessRequestRules(ExcludeRequesterFromApprovalListener excludeRequester) {
        this.excludeRequester = excludeRequester;
    }

    @Override
    public String processKey() {
        return AccessRequestProcess.KEY;
    }

    @Override
    public Map<String, TaskListener> fourEyesTasks() {
        return Map.of(AccessRequestProcess.TASK_HOST_APPROVAL, excludeRequester);
    }

    @Override
    public Set<String> privateVariables() {
        return Set.of(AccessRequestProcess.PARTNER_CONTACT_NAME.name(),
                AccessRequestProcess.PARTNER_CONTACT_EMAIL.name(), AccessRequestProcess.PURPOSE.name(),
                AccessRequestProcess.COMMENT.name(), AccessRequestProcess.REJECTION_REASON.name(),
                AccessRequestProcess.NDA_DECLINE_REASON.name());
    }

    @Override
    public Map<String, Set<String>> requiredInputs() {
        return Map.of("Activity_IssueInvitation", Set.of(AccessRequestProcess.LINK_VALID_FOR.name()));
    }

    @Override
    public Set<String> messageNames() {
        return Set.of(AccessRequestProcess.MSG_PARTNER_ACCEPTED, AccessRequestProcess.MSG_PARTNER_DECLINED,
                AccessRequestProcess.MSG_WITHDRAWN, AccessRequestProcess.MSG_DISCONNECT,
                AccessRequestProcess.MSG_CHANNEL_CONFIRMED, AccessRequestProcess.MSG_APPROVAL_BYPASSED,
                AccessRequestProcess.MSG_CHANNEL_UNSHARED);
    }

    /** Requesters start requests (also from Tasklist's start form); workspace admins and Legal see them. */
    @Override
    public List<Grant> grants() {
        return Stream.concat(Grant.toStart(GatehouseGroups.REQUESTERS, AccessRequestProcess.KEY).stream(), Stream.of(
                seesRequests(GatehouseGroups.WORKSPACE_ADMINS, AccessRequestProcess.KEY),
                seesRequests(GatehouseGroups.LEGAL, AccessRequestProcess.KEY))).toList();
    }

    @Override
    public List<TasklistFilter> tasklistFilters() {
        return List.of(new TasklistFilter("Access approvals", -10,
                "Requests to share a channel with an outside organisation, and partners to remove in Slack",
                tasks -> tasks.createTaskQuery().taskDefinitionKeyIn(AccessRequestProcess.TASK_HOST_APPROVAL,
                                AccessRequestProcess.TASK_REMOVE_PARTNER, AccessRequestProcess.TASK_REMOVE_PARTNER_EARLY)
                        .taskCandidateGroup(GatehouseGroups.WORKSPACE_ADMINS).includeAssignedTasks(),
                List.of(GatehouseGroups.WORKSPACE_ADMINS), TASKLIST_COLUMNS));
    }

    /** What Tasklist shows of a request beside its tasks, here and in {@code nda-assurance}. */
    static final List<Map<String, String>> TASKLIST_COLUMNS = List.of(
            TasklistFilter.column(AccessRequestProcess.PROJECT_NAME.name(), "Project"),
            TasklistFilter.column(AccessRequestProcess.PARTNER_ORGANISATION.name(), "Partner"),
            TasklistFilter.column(AccessRequestProcess.REQUESTER.name(), "Requester"));

    /** Workspace admins and Legal see the requests their tasks belong to, with the variables of those columns. */
    static Grant seesRequests(String group, String processKey) {
        return Grant.onProcess(group, processKey, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE);
    }
}
