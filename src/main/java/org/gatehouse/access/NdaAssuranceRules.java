package org.gatehouse.access;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.gatehouse.platform.GatehouseGroups;
import org.gatehouse.platform.Grant;
import org.gatehouse.platform.ProcessRules;
import org.gatehouse.platform.TasklistFilter;
import org.springframework.stereotype.Component;

/**
 * {@code nda-assurance}: only {@code external-access-request} calls it (nobody may start it: its steps would refuse a
 * request that is not their caller's); Legal's reason for declining stays out of history.
 */
@Component
class NdaAssuranceRules implements ProcessRules {

    @Override
    public String processKey() {
        return NdaAssuranceProcess.KEY;
    }

    @Override
    public Set<String> privateVariables() {
        return Set.of(NdaAssuranceProcess.NDA_DECLINE_REASON.name());
    }

    /**
     * The engine reads the called model as the person whose step calls it (the requester's start or renewal), so
     * requesters may read it; workspace admins and Legal see its instances as they see the requests.
     */
    @Override
    public List<Grant> grants() {
        return List.of(Grant.onProcess(GatehouseGroups.REQUESTERS, NdaAssuranceProcess.KEY, ProcessDefinitionPermissions.READ),
                AccessRequestRules.seesRequests(GatehouseGroups.WORKSPACE_ADMINS, NdaAssuranceProcess.KEY),
                AccessRequestRules.seesRequests(GatehouseGroups.LEGAL, NdaAssuranceProcess.KEY));
    }

    @Override
    public List<TasklistFilter> tasklistFilters() {
        return List.of(new TasklistFilter("NDAs to obtain", -9,
                "Partners that need a signed NDA before their channel is shared",
                tasks -> tasks.createTaskQuery().taskDefinitionKey(NdaAssuranceProcess.TASK_OBTAIN_NDA)
                        .taskCandidateGroup(GatehouseGroups.LEGAL).includeAssignedTasks(),
                List.of(GatehouseGroups.LEGAL), AccessRequestRules.TASKLIST_COLUMNS));
    }
}
