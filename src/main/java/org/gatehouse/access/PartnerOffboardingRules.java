package org.gatehouse.access;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.gatehouse.platform.FourEyes;
import org.gatehouse.platform.GatehouseGroups;
import org.gatehouse.platform.Grant;
import org.gatehouse.platform.ProcessRules;
import org.gatehouse.platform.TasklistFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code partner-offboarding}: the admin who asks never confirms (four eyes, named by the offboarding's record, not by
 * a variable); the reason and the comment, people's own words, stay out of history. Only Gatehouse starts it.
 */
@Component
class PartnerOffboardingRules implements ProcessRules {

    /** Looked up when a task is created: the platform reads these rules while the engine, which the service needs, is built. */
    private final ObjectProvider<OffboardingService> offboardings;

    PartnerOffboardingRules(ObjectProvider<OffboardingService> offboardings) {
        this.offboardings = offboardings;
    }

    @Override
    public String processKey() {
        return PartnerOffboardingProcess.KEY;
    }

    @Override
    public Map<String, TaskListener> fourEyesTasks() {
        return Map.of(PartnerOffboardingProcess.TASK_CONFIRM,
                task -> FourEyes.keepOff(task, offboardings.getObject().requestedBy(
                        task.getExecution().getProcessBusinessKey())));
    }

    @Override
    public Set<String> privateVariables() {
        return Set.of(PartnerOffboardingProcess.REASON.name(), PartnerOffboardingProcess.COMMENT.name());
    }

    @Override
    public Set<String> messageNames() {
        return Set.of(PartnerOffboardingProcess.MSG_CANCELLED);
    }

    @Override
    public Map<String, Set<String>> requiredInputs() {
        return Map.of(PartnerOffboardingProcess.STEP_REGISTER, Set.of(PartnerOffboardingProcess.CONFIRM_WITHIN.name()));
    }

    /** Workspace admins confirm: they see the offboardings their task belongs to, with Tasklist's columns. */
    @Override
    public List<Grant> grants() {
        return List.of(AccessRequestRules.seesRequests(GatehouseGroups.WORKSPACE_ADMINS, PartnerOffboardingProcess.KEY));
    }

    @Override
    public List<TasklistFilter> tasklistFilters() {
        return List.of(new TasklistFilter("Partnerships to end", -9,
                "An admin asks to stop sharing every channel with an outside organisation: confirm or refuse",
                tasks -> tasks.createTaskQuery().taskDefinitionKey(PartnerOffboardingProcess.TASK_CONFIRM)
                        .taskCandidateGroup(GatehouseGroups.WORKSPACE_ADMINS).includeAssignedTasks(),
                List.of(GatehouseGroups.WORKSPACE_ADMINS), List.of(
                        TasklistFilter.column(PartnerOffboardingProcess.PARTNER_NAME.name(), "Partner"),
                        TasklistFilter.column(PartnerOffboardingProcess.REQUESTED_BY.name(), "Asked by"))));
    }
}
