package org.gatehouse.experts;

import java.util.Map;
import java.util.Set;

import org.gatehouse.platform.AskedByLinkRules;
import org.gatehouse.platform.GatehouseGroups;
import org.springframework.stereotype.Component;

/**
 * {@code expert-onboarding}: only the invitee accepts; the expert or admin who invited them cannot accept in their
 * place, not even as an admin in Tasklist (four eyes).
 */
@Component
class ExpertOnboardingRules extends AskedByLinkRules {

    /**
     * Experts name further experts (C6), also from Tasklist's start form; an invitee, any employee, opens their task
     * with its form and diagram.
     */
    ExpertOnboardingRules() {
        super(ExpertOnboardingProcess.KEY, ExpertOnboardingProcess.TASK_ACCEPT, ExpertOnboardingProcess.INVITED_BY,
                GatehouseGroups.EXPERTS, GatehouseGroups.REQUESTERS, ExpertOnboardingProcess.MSG_ACCEPTED,
                ExpertOnboardingProcess.MSG_DECLINED);
    }

    @Override
    public Map<String, Set<String>> requiredInputs() {
        return Map.of("Activity_RegisterInvitation", Set.of(ExpertOnboardingProcess.INVITATION_VALID_FOR.name()));
    }

    /** Why someone declined is theirs to say, not history's. */
    @Override
    public Set<String> privateVariables() {
        return Set.of(ExpertOnboardingProcess.DECLINE_REASON.name());
    }
}
