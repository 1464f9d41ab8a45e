package org.gatehouse.experts;

/**
 * The public contract of {@code bpmn/expert-onboarding.bpmn}: its key, task, messages and variables, as listed in
 * {@code bpmn/README.md} (a test keeps the three in step).
 */
public final class ExpertOnboardingProcess {

    public static final String KEY = "expert-onboarding";

    public static final String MSG_ACCEPTED = "ExpertInvitationAccepted";
    public static final String MSG_DECLINED = "ExpertInvitationDeclined";

    public static final String TASK_ACCEPT = "acceptInvitation";

    // start form and API input
    public static final String PERSON_ID = "personId";

    public static final String INVITED_BY = "invitedBy";
    public static final String INVITEE_NAME = "inviteeName";
    public static final String INVITATION_EXPIRES_AT = "invitationExpiresAt";
    public static final String ACCEPTED = "accepted";
    public static final String DECLINE_REASON = "declineReason";

    private ExpertOnboardingProcess() {
    }
}
