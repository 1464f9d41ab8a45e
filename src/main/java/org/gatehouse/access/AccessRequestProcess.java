package org.gatehouse.access;

/**
 * The public contract of {@code bpmn/external-access-request.bpmn}: its key, messages and variables, as listed in
 * {@code bpmn/README.md} (a test keeps the three in step).
 */
public final class AccessRequestProcess {

    public static final String KEY = "external-access-request";
    public static final String NDA_DECISION = "nda-check";

    public static final String MSG_PARTNER_ACCEPTED = "PartnerAccepted";
    public static final String MSG_PARTNER_DECLINED = "PartnerDeclined";
    public static final String MSG_WITHDRAWN = "AccessRequestWithdrawn";
    public static final String MSG_DISCONNECT = "DisconnectRequested";

    public static final String TASK_HOST_APPROVAL = "hostAdminApproval";
    public static final String TASK_OBTAIN_NDA = "obtainNda";
    public static final String TASK_RENEW_OR_END = "renewOrEnd";

    // start form and API input (A2)
    public static final String WORKSPACE = "workspace";
    public static final String CHANNEL_NAME = "channelName";
    public static final String PARTNER_ORGANISATION = "partnerOrganisation";
    public static final String PARTNER_CONTACT_NAME = "partnerContactName";
    public static final String PARTNER_CONTACT_EMAIL = "partnerContactEmail";
    public static final String PROJECT_NAME = "projectName";
    public static final String END_DATE = "endDate";
    public static final String PURPOSE = "purpose";

    public static final String REQUESTER = "requester";
    public static final String POLICY_ALLOWED = "policyAllowed";
    public static final String POLICY_REASON = "policyReason";
    public static final String CURRENT_NDA_EXPIRES_ON = "currentNdaExpiresOn";
    public static final String TODAY = "today";
    public static final String NDA_STATUS = "ndaStatus";
    public static final String NDA_SIGNED = "ndaSigned";
    public static final String NDA_SIGNED_ON = "ndaSignedOn";
    public static final String NDA_EXPIRES_ON = "ndaExpiresOn";
    public static final String NDA_DOCUMENT_REF = "ndaDocumentRef";
    public static final String NDA_DECLINE_REASON = "ndaDeclineReason";
    public static final String INVITATION_EXPIRES_AT = "invitationExpiresAt";
    public static final String APPROVED = "approved";
    public static final String COMMENT = "comment";
    public static final String HOST_APPROVER = "hostApprover";
    public static final String PARTNER_APPROVER = "partnerApprover";
    public static final String PARTNER_CHANNEL_NAME = "partnerChannelName";
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String RENEW = "renew";
    public static final String NEW_END_DATE = "newEndDate";
    public static final String RENEWING = "renewing";

    private AccessRequestProcess() {
    }
}
