package org.gatehouse.experts;

import static org.gatehouse.experts.ExpertOnboardingProcess.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.gatehouse.platform.Correlations;
import org.gatehouse.platform.GatehouseEngineCalls;
import org.gatehouse.platform.ProcessStarts;
import org.gatehouse.platform.SingleUseLinks;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the API and the invitee's link meet the engine: starts {@code expert-onboarding}, records the invitee's answer
 * through the link and hands it to the waiting instance. The domain change and the engine step share one transaction.
 */
@Component
@GatehouseEngineCalls
public class ExpertOnboardingWorkflow {

    private final RuntimeService runtime;
    private final ExpertInvitationService invitations;

    ExpertOnboardingWorkflow(RuntimeService runtime, ExpertInvitationService invitations) {
        this.runtime = runtime;
        this.invitations = invitations;
    }

    /** Starts the process; its first step registers the invitation, so bad input rolls the whole start back. */
    @Transactional
    public ExpertInvitationView invite(String personId, String inviter) {
        return ProcessStarts.start(runtime, KEY, id -> invitations.view(id, inviter), variables -> {
            PERSON_ID.putIn(variables, personId);
            INVITED_BY.putIn(variables, inviter);
        });
    }

    public ExpertInvitationService.LinkView invitation(String token) {
        return invitations.linkView(invitations.resolve(token));
    }

    /** The onboarding a link belongs to, whose deployment has the link's page. */
    public String processOf(String token) {
        return invitations.resolve(token).processInstanceId();
    }

    @Transactional
    public void acceptByLink(String token) {
        ExpertInvitation invitation = invitations.resolve(token);
        invitations.answerByLink(invitation, true, null);
        correlate(MSG_ACCEPTED, invitation.id(), Map.of());
    }

    @Transactional
    public void declineByLink(String token, String reason) {
        ExpertInvitation invitation = invitations.resolve(token);
        invitations.answerByLink(invitation, false, reason);
        Map<String, Object> variables = new HashMap<>();
        DECLINE_REASON.putIn(variables, reason);
        correlate(MSG_DECLINED, invitation.id(), variables);
    }

    private void correlate(String message, String invitationId, Map<String, Object> variables) {
        Correlations.correlate(runtime, message, invitationId, variables,
                () -> SingleUseLinks.notWaiting(ExpertInvitationService.LINK));
    }
}
