package org.gatehouse.access;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gatehouse.platform.GatehouseGroups;
import org.gatehouse.platform.Grant;
import org.gatehouse.platform.ProcessRules;
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
        return Set.of(AccessRequestProcess.PARTNER_CONTACT_NAME, AccessRequestProcess.PARTNER_CONTACT_EMAIL,
                AccessRequestProcess.PURPOSE, AccessRequestProcess.COMMENT, AccessRequestProcess.REJECTION_REASON,
                AccessRequestProcess.NDA_DECLINE_REASON);
    }

    @Override
    public Set<String> messageNames() {
        return Set.of(AccessRequestProcess.MSG_PARTNER_ACCEPTED, AccessRequestProcess.MSG_PARTNER_DECLINED,
                AccessRequestProcess.MSG_WITHDRAWN, AccessRequestProcess.MSG_DISCONNECT);
    }

    /**
     * Requesters start requests (also from Tasklist's start form); workspace admins and Legal see the requests their
     * tasks belong to, with the variables Tasklist's filter columns show (project, partner, requester).
     */
    @Override
    public List<Grant> grants() {
        return List.of(
                new Grant(GatehouseGroups.REQUESTERS, Resources.PROCESS_DEFINITION, AccessRequestProcess.KEY,
                        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE),
                new Grant(GatehouseGroups.REQUESTERS, Resources.PROCESS_INSTANCE, Authorization.ANY,
                        ProcessInstancePermissions.CREATE),
                new Grant(GatehouseGroups.WORKSPACE_ADMINS, Resources.PROCESS_DEFINITION, AccessRequestProcess.KEY,
                        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                        ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE),
                new Grant(GatehouseGroups.LEGAL, Resources.PROCESS_DEFINITION, AccessRequestProcess.KEY,
                        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                        ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE));
    }
}
