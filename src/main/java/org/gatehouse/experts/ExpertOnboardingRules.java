package org.gatehouse.experts;

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
 * {@code expert-onboarding}: only the invitee accepts; the expert or admin who invited them cannot accept in their
 * place, not even as an admin in Tasklist (four eyes).
 */
@Component
class ExpertOnboardingRules implements ProcessRules {

    @Override
    public String processKey() {
        return ExpertOnboardingProcess.KEY;
    }

    @Override
    public Map<String, TaskListener> fourEyesTasks() {
        return Map.of(ExpertOnboardingProcess.TASK_ACCEPT, FourEyes.keepingOff(ExpertOnboardingProcess.INVITED_BY));
    }

    /** Why someone declined is theirs to say, not history's. */
    @Override
    public Set<String> privateVariables() {
        return Set.of(ExpertOnboardingProcess.DECLINE_REASON.name());
    }

    @Override
    public Set<String> messageNames() {
        return Set.of(ExpertOnboardingProcess.MSG_ACCEPTED, ExpertOnboardingProcess.MSG_DECLINED);
    }

    /**
     * Experts name further experts (C6), also from Tasklist's start form; an invitee, any employee, opens their task
     * with its form and diagram.
     */
    @Override
    public List<Grant> grants() {
        return Stream.concat(Grant.toStart(GatehouseGroups.EXPERTS, ExpertOnboardingProcess.KEY).stream(),
                Stream.of(Grant.onProcess(GatehouseGroups.REQUESTERS, ExpertOnboardingProcess.KEY,
                        ProcessDefinitionPermissions.READ))).toList();
    }
}
