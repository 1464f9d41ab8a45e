package org.gatehouse.experts;

import static org.gatehouse.platform.ProcessVariable.booleanVariable;
import static org.gatehouse.platform.ProcessVariable.durationVariable;
import static org.gatehouse.platform.ProcessVariable.stringVariable;
import static org.gatehouse.platform.ProcessVariable.timestampVariable;

import java.time.Duration;
import java.time.LocalDateTime;

import org.gatehouse.platform.ProcessVariable;

/**
 * The public contract of {@code bpmn/expert-onboarding.bpmn}: its key, task, messages and the variables Java reads or
 * writes, as listed in {@code bpmn/README.md} (a test keeps the three in step).
 */
public final class ExpertOnboardingProcess {

    public static final String KEY = "expert-onboarding";

    public static final String MSG_ACCEPTED = "ExpertInvitationAccepted";
    public static final String MSG_DECLINED = "ExpertInvitationDeclined";

    public static final String TASK_ACCEPT = "acceptInvitation";

    // start form and API input
    public static final ProcessVariable<String> PERSON_ID = stringVariable("personId");

    /** Input parameter of 'Register invitation': how long the invitation and its link stay open. */
    public static final ProcessVariable<Duration> INVITATION_VALID_FOR = durationVariable("invitationValidFor");
    public static final ProcessVariable<String> INVITED_BY = stringVariable("invitedBy");
    public static final ProcessVariable<String> INVITEE_NAME = stringVariable("inviteeName");
    public static final ProcessVariable<LocalDateTime> INVITATION_EXPIRES_AT = timestampVariable("invitationExpiresAt");
    public static final ProcessVariable<Boolean> ACCEPTED = booleanVariable("accepted");
    public static final ProcessVariable<String> DECLINE_REASON = stringVariable("declineReason");

    private ExpertOnboardingProcess() {
    }
}
