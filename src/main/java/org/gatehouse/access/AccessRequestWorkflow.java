package org.gatehouse.access;

import static org.gatehouse.access.AccessRequestProcess.*;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.Correlations;
import org.gatehouse.platform.GatehouseEngineCalls;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the API meets the engine: starts requests and hands the partner's and the requester's decisions to the
 * running process. The domain change and the engine step share one transaction, so either both happen or neither.
 */
@Component
@GatehouseEngineCalls
public class AccessRequestWorkflow {

    private final RuntimeService runtime;
    private final AccessRequestService requests;
    private final InvitationService invitations;

    AccessRequestWorkflow(RuntimeService runtime, AccessRequestService requests, InvitationService invitations) {
        this.runtime = runtime;
        this.requests = requests;
        this.invitations = invitations;
    }

    /** Starts the process; its first step registers the request, so bad input rolls the whole start back. */
    @Transactional
    public AccessRequestView submit(AccessRequestDraft draft, String requester) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> variables = new HashMap<>();
        WORKSPACE.putIn(variables, draft.workspace());
        CHANNEL_NAME.putIn(variables, draft.channelName());
        PARTNER_ORGANISATION.putIn(variables, draft.partnerOrganisation());
        PARTNER_CONTACT_NAME.putIn(variables, draft.partnerContactName());
        PARTNER_CONTACT_EMAIL.putIn(variables, draft.partnerContactEmail());
        PROJECT_NAME.putIn(variables, draft.projectName());
        END_DATE.putIn(variables, draft.endDate());
        PURPOSE.putIn(variables, draft.purpose());
        REQUESTER.putIn(variables, requester);
        runtime.startProcessInstanceByKey(KEY, id, variables);
        return requests.view(id, requester);
    }

    public InvitationView invitation(String token) {
        Invitation invitation = invitations.resolve(token);
        return requests.invitationView(invitation.requestId(), invitation);
    }

    /** The request an invitation link belongs to, whose deployment has the link's page. */
    public String invitationProcess(String token) {
        return requests.get(invitations.resolve(token).requestId()).processInstanceId();
    }

    @Transactional
    public void partnerAccepts(String token, PartnerAcceptance acceptance) {
        Invitation invitation = invitations.resolve(token);
        invitations.use(invitation);
        requests.recordPartnerAcceptance(invitation.requestId(), acceptance);
        correlate(MSG_PARTNER_ACCEPTED, invitation.requestId(), Map.ofEntries(
                PARTNER_APPROVER.entry(acceptance.adminEmail()), PARTNER_CHANNEL_NAME.entry(acceptance.channelName())));
    }

    @Transactional
    public void partnerDeclines(String token, PartnerDecline decline) {
        Invitation invitation = invitations.resolve(token);
        invitations.use(invitation);
        requests.recordPartnerDecline(invitation.requestId(), decline.reason());
        correlate(MSG_PARTNER_DECLINED, invitation.requestId(),
                Map.ofEntries(REJECTION_REASON.entry("The partner declined: " + decline.reason())));
    }

    /**
     * The partner's admin accepted the chat platform's invitation {@code inviteId} (Slack Connect), for the request
     * that sent it: as through the link. Where the platform connected the channel at once, without waiting for an
     * admin's approval ({@code approvalRequired} false), the acceptance is a breach of policy instead: the process
     * stops it. {@code acceptance.channelName()} is null where the platform gives no name of the partner's.
     */
    @Transactional
    public void partnerAcceptsOnPlatform(String inviteId, PartnerAcceptance acceptance, boolean approvalRequired) {
        AccessRequest r = requests.lockByInvitation(inviteId);
        if (!approvalRequired) {
            requests.recordApprovalBypass(r.id(), acceptance.adminEmail());
            correlate(MSG_APPROVAL_BYPASSED, r.id(), Map.ofEntries(REJECTION_REASON.entry("Slack connected #"
                    + r.channelName() + " when the partner accepted, before any admin approved: the workspace must "
                    + "require admin approval of Slack Connect invitations")));
            return;
        }
        // a platform that gives no name of theirs for the channel leaves it named as on the host's side
        PartnerAcceptance accepted = acceptance.channelName() != null ? acceptance
                : new PartnerAcceptance(acceptance.adminName(), acceptance.adminEmail(), r.channelName());
        requests.recordPlatformAcceptance(r.id(), accepted);
        correlate(MSG_PARTNER_ACCEPTED, r.id(), Map.ofEntries(
                PARTNER_APPROVER.entry(accepted.adminEmail()), PARTNER_CHANNEL_NAME.entry(accepted.channelName())));
    }

    /** The partner declined the chat platform's invitation {@code inviteId}: as through the link. */
    @Transactional
    public void partnerDeclinesOnPlatform(String inviteId) {
        AccessRequest r = requests.lockByInvitation(inviteId);
        requests.recordPartnerDecline(r.id(), "Declined in Slack");
        correlate(MSG_PARTNER_DECLINED, r.id(),
                Map.ofEntries(REJECTION_REASON.entry("The partner declined the invitation in Slack")));
    }

    /**
     * The chat platform confirms that the channel whose invitation Gatehouse approved is connected: the request is
     * CONNECTED and its process goes on. A second confirmation (Slack sends two) changes nothing.
     */
    @Transactional
    public void channelConfirmedOnPlatform(String inviteId) {
        AccessRequest r = requests.lockByInvitation(inviteId);
        if (requests.confirmConnected(r.id())) {
            correlate(MSG_CHANNEL_CONFIRMED, r.id(), Map.of());
        }
    }

    /**
     * The chat platform says the channel of the invitation {@code inviteId} is no longer shared: what a disconnect or
     * a stopped bypass waits for, or else, on a connected channel, the partner leaving it on their own.
     */
    @Transactional
    public void channelUnsharedOnPlatform(String inviteId) {
        AccessRequest r = requests.lockByInvitation(inviteId);
        if (waitsFor(r.id(), MSG_CHANNEL_UNSHARED)) {
            requests.recordUnsharedOnPlatform(r.id());
            correlate(MSG_CHANNEL_UNSHARED, r.id(), Map.of());
        } else {
            requests.recordPartnerLeft(r.id());
            correlate(MSG_PARTNER_LEFT, r.id(), Map.of());
        }
    }

    @Transactional
    public AccessRequestView withdraw(String id, String user) {
        withdraw(id, user, null);
        return requests.view(id, user);
    }

    @Transactional
    public AccessRequestView disconnect(String id, String admin) {
        disconnect(id, admin, null);
        return requests.view(id, admin);
    }

    private void withdraw(String id, String user, String why) {
        requests.checkMayWithdraw(id, user);
        requests.recordWithdrawal(id, user, why);
        correlate(MSG_WITHDRAWN, id, Map.of());
    }

    private void disconnect(String id, String admin, String why) {
        requests.checkMayDisconnect(id, admin);
        requests.recordDisconnectRequest(id, admin, why);
        correlate(MSG_DISCONNECT, id, Map.of());
    }

    /**
     * A10, once a partnership's channels are disconnected: each open request with the partner ends by its own
     * process, under the same checks as the admin's own call: a pending one is withdrawn, a connected one
     * disconnected (its channel is unshared already, so only its record follows). One already on its way out is left
     * to finish; one a step away from either (a channel being connected) refuses, and the caller's step retries.
     *
     * @return how many requests were asked to end
     */
    @Transactional
    public int endRequestsWith(String partnerId, String admin, String why) {
        int ended = 0;
        for (AccessRequest request : requests.openWith(partnerId)) {
            if (AccessRequestStatus.PENDING.contains(request.status())) {
                withdraw(request.id(), admin, why);
                ended++;
            } else if (waitsForDisconnect(request.id())) {
                disconnect(request.id(), admin, why);
                ended++;
            }
        }
        return ended;
    }

    private boolean waitsForDisconnect(String requestId) {
        return waitsFor(requestId, MSG_DISCONNECT);
    }

    private boolean waitsFor(String requestId, String message) {
        return runtime.createExecutionQuery().processInstanceBusinessKey(requestId).messageEventSubscriptionName(message)
                .count() > 0;
    }

    private void correlate(String message, String requestId, Map<String, Object> variables) {
        Correlations.correlate(runtime, message, requestId, variables, () -> new ConflictException("status", "Request "
                + requestId + " is not waiting for " + message + " right now; try again in a moment"));
    }
}
