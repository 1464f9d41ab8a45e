package org.gatehouse.access;

import static org.gatehouse.platform.ProcessVariable.booleanVariable;
import static org.gatehouse.platform.ProcessVariable.dateVariable;
import static org.gatehouse.platform.ProcessVariable.durationVariable;
import static org.gatehouse.platform.ProcessVariable.stringVariable;
import static org.gatehouse.platform.ProcessVariable.timestampVariable;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import org.gatehouse.platform.ProcessVariable;

/**
 * The public contract of {@code bpmn/external-access-request.bpmn}: its key, messages and the variables Java reads or
 * writes, as listed in {@code bpmn/README.md} (a test keeps the three in step). What only the models and forms use
 * ({@code ndaStatus}, {@code renew}) has its row there and no declaration here. The NDA's own steps are
 * {@link NdaAssuranceProcess}, which this process calls for a new request and for a renewal.
 */
public final class AccessRequestProcess {

    public static final String KEY = "external-access-request";

    public static final String MSG_PARTNER_ACCEPTED = "PartnerAccepted";
    public static final String MSG_PARTNER_DECLINED = "PartnerDeclined";
    public static final String MSG_WITHDRAWN = "AccessRequestWithdrawn";
    public static final String MSG_DISCONNECT = "DisconnectRequested";
    /** The platform confirms the connection Gatehouse approved (Slack: shared_channel_invite_approved, channel_shared). */
    public static final String MSG_CHANNEL_CONFIRMED = "SharedChannelConfirmed";
    /** The platform connected the channel when the partner accepted, before any admin approved (a breach of policy). */
    public static final String MSG_APPROVAL_BYPASSED = "SharedChannelPolicyBreached";
    /** The platform says the channel is no longer shared (Slack: channel_unshared). */
    public static final String MSG_CHANNEL_UNSHARED = "SharedChannelUnshared";
    /** The partner stopped sharing a connected channel on the platform, without anyone at Gatehouse asking. */
    public static final String MSG_PARTNER_LEFT = "SharedChannelPartnerLeft";

    public static final String TASK_HOST_APPROVAL = "hostAdminApproval";
    public static final String TASK_RENEW_OR_END = "renewOrEnd";
    /** Without Slack Enterprise Grid, a workspace admin removes the partner in Slack: at the end, or early. */
    public static final String TASK_REMOVE_PARTNER = "removePartner";
    public static final String TASK_REMOVE_PARTNER_EARLY = "removePartnerEarly";

    // start form and API input (A2)
    public static final ProcessVariable<String> WORKSPACE = stringVariable("workspace");
    public static final ProcessVariable<String> CHANNEL_NAME = stringVariable("channelName");
    public static final ProcessVariable<String> PARTNER_ORGANISATION = stringVariable("partnerOrganisation");
    public static final ProcessVariable<String> PARTNER_CONTACT_NAME = stringVariable("partnerContactName");
    public static final ProcessVariable<String> PARTNER_CONTACT_EMAIL = stringVariable("partnerContactEmail");
    public static final ProcessVariable<String> PROJECT_NAME = stringVariable("projectName");
    public static final ProcessVariable<LocalDate> END_DATE = dateVariable("endDate");
    public static final ProcessVariable<String> PURPOSE = stringVariable("purpose");

    public static final ProcessVariable<String> REQUESTER = stringVariable("requester");
    public static final ProcessVariable<Boolean> POLICY_ALLOWED = booleanVariable("policyAllowed");
    public static final ProcessVariable<String> POLICY_REASON = stringVariable("policyReason");
    public static final ProcessVariable<String> NDA_DECLINE_REASON = stringVariable("ndaDeclineReason");
    /** Input parameter of 'Issue invitation link': how long the partner's link stays valid. */
    public static final ProcessVariable<Duration> LINK_VALID_FOR = durationVariable("linkValidFor");
    public static final ProcessVariable<LocalDateTime> INVITATION_EXPIRES_AT = timestampVariable("invitationExpiresAt");
    /** Set by 'Send invitation': the chat platform invited the partner itself (Slack Connect), not Gatehouse's link. */
    public static final ProcessVariable<Boolean> INVITED_ON_PLATFORM = booleanVariable("invitedOnPlatform");
    /** Set by 'Connect shared channel': the platform connected at once; else it confirms later. */
    public static final ProcessVariable<Boolean> CHANNEL_CONFIRMED = booleanVariable("channelConfirmed");
    /** Set by 'Disconnect shared channel': the platform stopped the sharing; else a workspace admin does it there. */
    public static final ProcessVariable<Boolean> DISCONNECTED_BY_PLATFORM = booleanVariable("disconnectedByPlatform");
    public static final ProcessVariable<Boolean> APPROVED = booleanVariable("approved");
    public static final ProcessVariable<String> COMMENT = stringVariable("comment");
    public static final ProcessVariable<String> HOST_APPROVER = stringVariable("hostApprover");
    public static final ProcessVariable<String> PARTNER_APPROVER = stringVariable("partnerApprover");
    public static final ProcessVariable<String> PARTNER_CHANNEL_NAME = stringVariable("partnerChannelName");
    public static final ProcessVariable<String> REJECTION_REASON = stringVariable("rejectionReason");
    public static final ProcessVariable<LocalDate> NEW_END_DATE = dateVariable("newEndDate");
    public static final ProcessVariable<LocalDateTime> ENDS_AT = timestampVariable("endsAt");
    public static final ProcessVariable<LocalDateTime> ASK_RENEWAL_AT = timestampVariable("askRenewalAt");

    private AccessRequestProcess() {
    }

    /**
     * The request's own process instance, for a step of it or of a process it calls ({@code nda-assurance}): the
     * instance the request belongs to, whose business key is the request's id. A called process started on its own
     * has no caller and stays itself, so the request refuses its steps.
     */
    static DelegateExecution requestOf(DelegateExecution execution) {
        DelegateExecution instance = execution.getProcessInstance();
        while (instance.getSuperExecution() != null) {
            instance = instance.getSuperExecution().getProcessInstance();
        }
        return instance;
    }
}
