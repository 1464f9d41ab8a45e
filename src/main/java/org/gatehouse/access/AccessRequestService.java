package org.gatehouse.access;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.gatehouse.channels.Channel;
import org.gatehouse.channels.ChannelService;
import org.gatehouse.channels.ChannelService.PlatformInvitation;
import org.gatehouse.channels.MessageKind;
import org.gatehouse.channels.MessageTemplate;
import org.gatehouse.channels.Notifier;
import org.gatehouse.channels.SharingPolicy.ChannelAction;
import org.gatehouse.channels.SharingPolicyService;
import org.gatehouse.channels.SharingApprovals;
import org.gatehouse.directory.Organisation;
import org.gatehouse.directory.OrganisationService;
import org.gatehouse.directory.PersonService;
import org.gatehouse.directory.RoleService;
import org.gatehouse.legal.Nda;
import org.gatehouse.legal.NdaRegister;
import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.EmailAddresses;
import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.GatehouseGroups;
import org.gatehouse.platform.InvalidInputException;
import org.gatehouse.platform.NotFoundException;
import org.gatehouse.platform.RefusedStepException;
import org.gatehouse.platform.SingleUseLinks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of an external access request. The process decides the order of the steps; this service decides whether
 * each step may happen and records it, with who did it, on the request's timeline.
 */
@Service
public class AccessRequestService {

    static final String SYSTEM = "gatehouse";
    private static final String APPROVAL_BYPASSED = "APPROVAL_BYPASSED";
    private static final String PARTNER_LEFT = "PARTNER_LEFT";
    private static final String WITHDRAWAL_REQUESTED = "WITHDRAWAL_REQUESTED";
    private static final String DISCONNECT_REQUESTED = "DISCONNECT_REQUESTED";
    private static final int MAX_LIST = 500;

    private final AccessRequestRepository requests;
    private final OffboardingRepository offboardings;
    private final SharingPolicyService policy;
    private final InvitationService invitations;
    private final OrganisationService organisations;
    private final ChannelService channels;
    private final Notifier notifier;
    private final NdaRegister ndas;
    private final RoleService roles;
    private final PersonService people;
    private final AccessProperties properties;
    private final Validator validator;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    AccessRequestService(AccessRequestRepository requests, OffboardingRepository offboardings, SharingPolicyService policy,
            InvitationService invitations,
            OrganisationService organisations, ChannelService channels, Notifier notifier, NdaRegister ndas, RoleService roles,
            PersonService people, AccessProperties properties, Validator validator, ApplicationEventPublisher publisher,
            Clock clock) {
        this.requests = requests;
        this.offboardings = offboardings;
        this.policy = policy;
        this.invitations = invitations;
        this.organisations = organisations;
        this.channels = channels;
        this.notifier = notifier;
        this.ndas = ndas;
        this.roles = roles;
        this.people = people;
        this.properties = properties;
        this.validator = validator;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Checks the input of A2 and stores the request as SUBMITTED, bound to the process instance that registers it;
     * bad input throws before anything is stored. Whatever files it (the API, Slack's modal, Tasklist's start form, the
     * engine's REST API), this first step refuses a partner whose partnership is being ended; after it ended (DONE), a
     * new request goes through every check and approval afresh, and its timeline says when the last partnership ended.
     */
    @Transactional
    public AccessRequest register(String id, AccessRequestDraft draft, String requester, String processInstanceId) {
        var violations = validator.validate(draft);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (requester == null || requester.isBlank()) {
            throw new InvalidInputException("requester", "A request needs a signed-in requester");
        }
        if (!draft.endDate().isAfter(today())) {
            throw new InvalidInputException("endDate", "The end date must lie in the future");
        }
        var workspace = organisations.workspace(draft.workspace());
        Organisation partner = organisations.partnerNamed(draft.partnerOrganisation());
        offboardings.findOpen(partner.id()).ifPresent(ending -> {
            throw new ConflictException("partnerOrganisation", "The partnership with " + partner.name() + " is being "
                    + "ended (offboarding " + ending.id() + ", " + ending.status() + ", asked by " + ending.requestedBy()
                    + "): no new request to share with it is accepted meanwhile");
        });
        if (requests.existsOpen(workspace.id(), draft.channelName(), partner.id(), AccessRequestStatus.OPEN)) {
            throw new ConflictException("channelName", "#" + draft.channelName() + " already has an open request for "
                    + partner.name());
        }
        String channelId = channels.find(workspace.id(), draft.channelName()).map(Channel::id).orElse(null);
        var now = now();
        var request = new AccessRequest(id, requester, workspace.id(), draft.channelName(), channelId, partner.id(),
                draft.partnerContactName().trim(), EmailAddresses.normalise(draft.partnerContactEmail()),
                draft.projectName().trim(), draft.endDate(), draft.purpose().trim(), AccessRequestStatus.SUBMITTED, null,
                null, null, null, null, null, processInstanceId, now, now, null, false);
        requests.insert(request);
        event(id, requester, "SUBMITTED", "#" + draft.channelName() + " with " + partner.name() + " until " + draft.endDate());
        organisations.partnershipEnd(partner.id()).ifPresent(ended -> event(id, SYSTEM, "PARTNERSHIP_ENDED_BEFORE",
                "The partnership with " + partner.name() + " ended on " + ended.at() + " (asked by " + ended.endedBy()
                        + ", confirmed by " + ended.confirmedBy() + "): this request starts a new one"));
        return request;
    }

    /** A1 and the state of the channel: a refusal comes back as its reason, for the requester to read. */
    public Optional<String> policyRefusal(String id, String processInstanceId) {
        AccessRequest r = owned(id, processInstanceId);
        if (!policy.mayShare(r.requester())) {
            return Optional.of(r.requester() + " may not share channels with outside organisations under the current "
                    + "sharing policy (" + policy.current().shareMode() + ")");
        }
        Optional<Channel> channel = channels.find(r.workspaceId(), r.channelName());
        if (channel.isEmpty() && !policy.may(r.requester(), ChannelAction.CREATE)) {
            return Optional.of(r.requester() + " may not create channels under the current sharing policy: ask for an "
                    + "existing channel");
        }
        if (channel.isPresent() && channel.get().archived()) {
            return Optional.of("#" + r.channelName() + " is archived");
        }
        if (channel.isPresent() && channel.get().shared()) {
            return Optional.of("#" + r.channelName() + " is already shared with "
                    + organisations.get(channel.get().partnerId()).name());
        }
        if (!r.endDate().isAfter(today())) {
            return Optional.of("The end date " + r.endDate() + " does not lie ahead");
        }
        return Optional.empty();
    }

    /** The facts the {@code nda-check} decision weighs: the partner's longest-running NDA, the project's end, today. */
    public NdaFacts ndaFacts(String id, String processInstanceId) {
        return ndaFacts(owned(id, processInstanceId));
    }

    private NdaFacts ndaFacts(AccessRequest r) {
        LocalDate expiresOn = ndas.latest(r.partnerId()).map(Nda::expiresOn).orElse(null);
        return new NdaFacts(expiresOn, r.endDate(), today());
    }

    public record NdaFacts(LocalDate currentNdaExpiresOn, LocalDate endDate, LocalDate today) {

        /** The NDA on file runs until the project's end (what {@code nda-check} calls VALID). */
        boolean covered() {
            return currentNdaExpiresOn != null && !currentNdaExpiresOn.isBefore(today)
                    && !currentNdaExpiresOn.isBefore(endDate);
        }
    }

    /**
     * Legal's answer, recorded while the request waits for it (AWAITING_NDA, or CONNECTED during a renewal) and only
     * by a member of Legal: the person who completed Legal's task.
     */
    @Transactional
    public Nda recordNda(String id, String processInstanceId, LocalDate signedOn, LocalDate expiresOn, String documentRef,
            String legalUser) {
        AccessRequest r = owned(id, processInstanceId);
        if (r.status() != AccessRequestStatus.AWAITING_NDA && r.status() != AccessRequestStatus.CONNECTED) {
            throw RefusedStepException.precondition(AccessRequest.RECORD, id, "it is " + r.status()
                    + ": no NDA is being obtained for it");
        }
        if (legalUser == null || !roles.isMember(legalUser, GatehouseGroups.LEGAL)) {
            throw new ForbiddenException("Only Legal records an NDA");
        }
        Nda nda = ndas.record(r.partnerId(), signedOn, expiresOn, documentRef, legalUser);
        event(id, legalUser, "NDA_RECORDED", "Signed " + signedOn + ", expires " + expiresOn + " (" + nda.documentRef() + ")");
        return nda;
    }

    /**
     * The status a step of the request's own process sets: a guarded transition from the status the request is in.
     * CONNECTED is reached only by {@link #connect}, which checks both approvals.
     */
    @Transactional
    public void changeStatus(String id, String processInstanceId, AccessRequestStatus status, String reason) {
        AccessRequest r = owned(id, processInstanceId);
        if (status == AccessRequestStatus.CONNECTED && r.status() != AccessRequestStatus.CONNECTED) {
            throw RefusedStepException.precondition(AccessRequest.RECORD, id, "only connecting the channel makes it "
                    + "CONNECTED");
        }
        transition(r, status, endReason(r, status, reason));
    }

    /**
     * The model words a withdrawal and an early disconnection as their usual actor's ("Withdrawn by the requester");
     * one asked by someone else with a reason (an admin ending the partnership, which names its offboarding) says
     * who asked and why instead.
     */
    private String endReason(AccessRequest r, AccessRequestStatus status, String modelReason) {
        String asked = switch (status) {
            case WITHDRAWN -> WITHDRAWAL_REQUESTED;
            case ENDED -> DISCONNECT_REQUESTED;
            default -> null;
        };
        if (asked == null) {
            return modelReason;
        }
        return requests.events(r.id()).stream().filter(e -> asked.equals(e.action()) && e.detail() != null)
                .reduce((first, last) -> last)
                .map(e -> (status == AccessRequestStatus.WITHDRAWN ? "Withdrawn by " : "Disconnected by ") + e.actor()
                        + ": " + e.detail())
                .orElse(modelReason);
    }

    /**
     * Legal is asked for an NDA: a new request waits for it; a connected one being renewed stays shared meanwhile,
     * and its timeline says why Legal was asked.
     */
    @Transactional
    public void awaitNda(String id, String processInstanceId, String reason) {
        AccessRequest r = owned(id, processInstanceId);
        if (r.status() == AccessRequestStatus.CONNECTED) {
            event(id, SYSTEM, "NDA_REQUESTED", reason);
        } else {
            transition(r, AccessRequestStatus.AWAITING_NDA, reason);
        }
    }

    private void transition(AccessRequest r, AccessRequestStatus status, String reason) {
        r.requireMayBecome(status);
        if (!requests.updateStatus(r.id(), r.status(), status, reason, now())) {
            throw RefusedStepException.stale(AccessRequest.RECORD, r.id(), r.status());
        }
        if (!AccessRequestStatus.OPEN.contains(status)) {
            invitations.revokeOpen(r.id());
        }
        if (status == AccessRequestStatus.ENDED && r.channelId() != null) {
            // whoever stopped the sharing (the platform, or a workspace admin in Slack), it has stopped
            channels.recordUnshared(r.channelId());
        }
        if (r.status() != status) {
            event(r.id(), SYSTEM, status.name(), reason);
            publisher.publishEvent(new AccessRequestStatusChanged(r.id(), status, reason));
        }
    }

    /**
     * The partner's link, issued before the approvals and only once the NDA on file covers the project (A3): a step
     * reached out of order cannot invite the partner past Legal. The link stays valid for {@code validFor}, which the
     * model gives.
     */
    @Transactional
    public Invitation issueInvitation(String id, String processInstanceId, Duration validFor) {
        Duration validity = SingleUseLinks.validity(AccessRequestProcess.LINK_VALID_FOR.name(), validFor);
        AccessRequest r = owned(id, processInstanceId);
        requireBeforeApproval(r, "issuing the partner's invitation");
        if (!ndaFacts(r).covered()) {
            throw RefusedStepException.precondition(AccessRequest.RECORD, id, "no NDA on file covers the project until "
                    + r.endDate());
        }
        Invitation invitation = invitations.issue(id, validity);
        event(id, SYSTEM, "INVITATION_ISSUED", "Valid until " + invitation.expiresAt());
        return invitation;
    }

    /**
     * A4, A5: the invitation goes to the partner's contact, as the request for their organisation's approval: the link
     * by e-mail, or, where the chat platform invites the partner itself (Slack Connect), the platform's invitation to
     * the channel, made now if the workspace has none of its name. That invitation replaces the link, which is
     * withdrawn unsent. The requester is told what must never be posted, and gets the link only while nothing
     * delivers it to the partner. Answers whether the platform invited.
     */
    @Transactional
    public boolean sendInvitation(String id, String processInstanceId) {
        AccessRequest r = owned(id, processInstanceId);
        requireBeforeApproval(r, "sending the partner's invitation");
        Invitation invitation = invitations.openInvitation(id)
                .orElseThrow(() -> new IllegalStateException("Request " + id + " has no open invitation"));
        boolean onPlatform = channels.platformInvites();
        MessageTemplate about = MessageTemplate.of("partner-invitation", processInstanceId)
                .with("host", organisations.host().name()).with("partner", organisations.get(r.partnerId()).name())
                .with("channelName", r.channelName()).with("projectName", r.projectName()).with("purpose", r.purpose())
                .with("endDate", r.endDate()).with("requesterName", people.nameOf(r.requester()))
                .with("contactName", r.partnerContactName()).with("contactEmail", r.partnerContactEmail())
                .with("expiresAt", invitation.expiresAt()).with("link", invitations.openLink(id).orElseThrow())
                .with("neverPost", String.join("; ", properties.neverPost()))
                .with("handOn", !onPlatform && partnerLinkGoesThroughRequester())
                .with("platformInvitation", onPlatform);
        String sentTo = r.partnerContactEmail();
        if (onPlatform) {
            PlatformInvitation sent = channels.inviteOnPlatform(r.workspaceId(), r.channelName(), newChannelId(r),
                    r.partnerContactEmail());
            requests.updateInvitation(id, sent.channel().id(), sent.invitationId(), sent.created(), now());
            invitations.revokeOpen(id);
            sentTo += " (the chat platform's invitation " + sent.invitationId() + ")";
        } else {
            notifier.notifyAddress(r.partnerContactEmail(), MessageKind.APPROVAL_REQUEST, about);
        }
        notifier.notifyUser(r.requester(), MessageKind.STATUS,
                new MessageTemplate("access-request-waiting", processInstanceId, about.model()));
        event(id, SYSTEM, "INVITATION_SENT", sentTo);
        return onPlatform;
    }

    /**
     * The id of the channel a request's invitation makes, the same at every try of the step: a retry after the
     * platform made the channel and invited to it finds what it did there under that id.
     */
    private static String newChannelId(AccessRequest r) {
        return UUID.nameUUIDFromBytes(("channel of access request " + r.id()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Four eyes: the host admin is neither the requester nor the person who approved for the partner. Recorded once,
     * while the request awaits the approvals, by the completion of the host admin's task in the request's own
     * instance: this record, not a process variable, is what {@link #connect} checks.
     */
    @Transactional
    public void recordHostDecision(String id, String processInstanceId, String approver, boolean approved, String comment) {
        AccessRequest r = owned(id, processInstanceId);
        r.requireStatus(AccessRequestStatus.AWAITING_APPROVAL, "the host admin's decision");
        if (approver == null) {
            throw new ForbiddenException("An approval needs a signed-in approver");
        }
        if (approver.equals(r.requester())) {
            throw new ForbiddenException("Nobody approves a request they raised: " + approver + " raised " + id);
        }
        Optional<String> approverEmail = roles.emailOf(approver);
        if (approverEmail.isPresent() && approverEmail.get().equalsIgnoreCase(r.partnerApproverEmail())) {
            throw new ForbiddenException("The two approvals of a request come from two different people");
        }
        if (!requests.updateHostDecision(id, approver, approved, now())) {
            throw RefusedStepException.precondition(AccessRequest.RECORD, id, "the host admin's decision is recorded "
                    + "already");
        }
        event(id, approver, approved ? "HOST_APPROVED" : "HOST_REJECTED", comment);
        if (approved) {
            publisher.publishEvent(new AccessRequestHostApproved(id));
        }
    }

    public InvitationView invitationView(String requestId, Invitation invitation) {
        AccessRequest r = get(requestId);
        return new InvitationView(organisations.host().name(), organisations.get(r.partnerId()).name(), r.requester(),
                r.projectName(), r.channelName(), r.endDate(), r.purpose(), invitation.expiresAt(), properties.neverPost());
    }

    /** Recorded once, by the partner's link, while the request awaits the approvals. */
    @Transactional
    public void recordPartnerAcceptance(String id, PartnerAcceptance acceptance) {
        AccessRequest r = requests.lock(id).orElseThrow(() -> notFound(id));
        r.requireStatus(AccessRequestStatus.AWAITING_APPROVAL, "the partner's acceptance");
        String email = EmailAddresses.normalise(acceptance.adminEmail());
        boolean sameAsRequester = roles.emailOf(r.requester()).map(email::equalsIgnoreCase).orElse(false);
        boolean sameAsHostApprover = r.hostApprover() != null
                && roles.emailOf(r.hostApprover()).map(email::equalsIgnoreCase).orElse(false);
        if (sameAsRequester || sameAsHostApprover) {
            throw new ForbiddenException("The two approvals of a request come from two different people");
        }
        if (!requests.updatePartnerAcceptance(id, acceptance.adminName().trim(), email, acceptance.channelName(), now())) {
            throw RefusedStepException.precondition(AccessRequest.RECORD, id, "the partner's answer is recorded already");
        }
        event(id, email, "PARTNER_ACCEPTED", acceptance.adminName().trim() + " names the channel #" + acceptance.channelName());
    }

    @Transactional
    public void recordPartnerDecline(String id, String reason) {
        event(id, "partner", "PARTNER_DECLINED", reason);
    }

    /**
     * The request the chat platform's invitation {@code inviteId} went out for, locked: a step of its process that
     * talks to the platform holds the lock until it commits, so that the platform's answer to that very step waits
     * for the process to wait for it.
     */
    AccessRequest lockByInvitation(String inviteId) {
        return requests.lockByInvitation(inviteId).orElseThrow(() -> new NotFoundException("No access request sent the "
                + "invitation " + inviteId));
    }

    /** The partner accepted the platform's invitation: recorded as through the link, once its answer passes the checks. */
    @Transactional
    public void recordPlatformAcceptance(String id, PartnerAcceptance acceptance) {
        var violations = validator.validate(acceptance);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        recordPartnerAcceptance(id, acceptance);
    }

    /**
     * The platform connected the channel when the partner accepted, before any admin approved: the workspace does
     * not require admin approval of Slack Connect invitations (README, "Slack Connect"). Recorded for the step that
     * stops it.
     */
    @Transactional
    public void recordApprovalBypass(String id, String acceptedBy) {
        AccessRequest r = requests.lock(id).orElseThrow(() -> notFound(id));
        r.requireStatus(AccessRequestStatus.AWAITING_APPROVAL, "a bypassed approval");
        event(id, acceptedBy, APPROVAL_BYPASSED, "The partner accepted and Slack connected #" + r.channelName()
                + " before any admin approved");
    }

    /**
     * A5, A6, A11: shares the channel; the partner's admin joins it and the request is CONNECTED. Only from
     * AWAITING_APPROVAL with both approvals recorded, whatever way the process reached this step. A platform that
     * confirms later (Slack Connect: this approves the invitation) leaves the request waiting for
     * {@link #confirmConnected}. Answers whether it is connected now.
     */
    @Transactional
    public boolean connect(String id, String processInstanceId) {
        AccessRequest r = owned(id, processInstanceId);
        r.requireMayConnect();
        Channel channel = channels.connect(r.workspaceId(), r.channelName(), r.partnerId(), r.partnerChannelName(),
                r.requester(), new SharingApprovals(r.hostApprover(), r.partnerApproverEmail()));
        requests.updateChannel(id, channel.id(), now());
        if (!channel.shared()) {
            event(id, SYSTEM, "INVITATION_APPROVED", "#" + r.channelName() + " is connected once the chat platform "
                    + "confirms");
            return false;
        }
        connected(r, channel);
        return true;
    }

    /**
     * The chat platform confirmed the connection {@link #connect} approved: the request is CONNECTED, under the same
     * conditions. False when it was confirmed before (Slack confirms twice: the approval, then the sharing).
     */
    @Transactional
    public boolean confirmConnected(String id) {
        AccessRequest r = requests.lock(id).orElseThrow(() -> notFound(id));
        if (r.status() == AccessRequestStatus.CONNECTED) {
            return false;
        }
        r.requireMayConnect();
        if (r.inviteId() == null) {
            throw RefusedStepException.precondition(AccessRequest.RECORD, id, "no chat platform's invitation went out "
                    + "for it, so no platform confirms its connection");
        }
        connected(r, channels.confirmShared(requireChannel(r), r.partnerId(), r.partnerChannelName(), r.requester()));
        return true;
    }

    private void connected(AccessRequest r, Channel channel) {
        channels.addPartnerMember(channel.id(), r.partnerApproverEmail(), r.partnerId());
        transition(r, AccessRequestStatus.CONNECTED, "Shared with " + organisations.get(r.partnerId()).name());
    }

    /**
     * A request that came to nothing after the chat platform's invitation went out (rejected, expired): the
     * invitation is declined there, and a channel the request made is archived. Safe to repeat.
     */
    @Transactional
    public void abandonPlatformInvitation(String id, String processInstanceId) {
        AccessRequest r = owned(id, processInstanceId);
        r.requireStatus(AccessRequestStatus.AWAITING_APPROVAL, "withdrawing the chat platform's invitation");
        if (r.inviteId() == null) {
            throw RefusedStepException.precondition(AccessRequest.RECORD, id, "no chat platform's invitation went out "
                    + "for it");
        }
        channels.abandon(requireChannel(r), r.channelCreated());
        event(id, SYSTEM, "INVITATION_WITHDRAWN", r.channelCreated() ? "#" + r.channelName() + ", made for the "
                + "request, is archived" : null);
    }

    /**
     * After a bypassed approval ({@link #recordApprovalBypass}): the channel is disconnected where the platform can
     * (Slack Enterprise Grid), and the workspace admins are told what happened and what to change in Slack. Answers
     * whether it was disconnected; if not, the message asks them to remove the partner.
     */
    @Transactional
    public boolean stopApprovalBypass(String id, String processInstanceId) {
        AccessRequest r = owned(id, processInstanceId);
        r.requireStatus(AccessRequestStatus.AWAITING_APPROVAL, "stopping a bypassed approval");
        if (requests.events(id).stream().noneMatch(e -> APPROVAL_BYPASSED.equals(e.action()))) {
            throw RefusedStepException.precondition(AccessRequest.RECORD, id, "no bypassed approval is recorded for it");
        }
        String channelId = requireChannel(r);
        boolean disconnected = channels.platformDisconnects();
        if (disconnected) {
            channels.disconnectOnPlatform(channelId);
        }
        notifier.notifyGroup(GatehouseGroups.WORKSPACE_ADMINS, MessageKind.STATUS,
                MessageTemplate.of("approval-bypassed", processInstanceId).with("channelName", r.channelName())
                        .with("partner", organisations.get(r.partnerId()).name()).with("projectName", r.projectName())
                        .with("requesterName", people.nameOf(r.requester())).with("disconnected", disconnected));
        event(id, SYSTEM, disconnected ? "DISCONNECTED" : "DISCONNECT_ASKED", "#" + r.channelName()
                + (disconnected ? "" : ": the workspace admins are asked to remove the partner in Slack"));
        return disconnected;
    }

    @Transactional
    public String pinHouseRules(String id, String processInstanceId, String template) {
        AccessRequest r = owned(id, processInstanceId);
        r.requireStatus(AccessRequestStatus.CONNECTED, "pinning the house rules");
        String note = channels.pinHouseRules(requireChannel(r), template);
        event(id, SYSTEM, "HOUSE_RULES_PINNED", null);
        return note;
    }

    /**
     * Stops sharing the channel where the chat platform can; where it cannot (Slack without Enterprise Grid), a
     * workspace admin does it there, and the request ends when the platform says it is done. Answers whether the
     * platform stopped it.
     */
    @Transactional
    public boolean disconnect(String id, String processInstanceId) {
        AccessRequest r = owned(id, processInstanceId);
        r.requireStatus(AccessRequestStatus.CONNECTED, "disconnecting the channel");
        String channelId = requireChannel(r);
        if (!channels.platformDisconnects()) {
            event(id, SYSTEM, "DISCONNECT_ASKED", "#" + r.channelName() + ": a workspace admin removes the partner in "
                    + "Slack");
            return false;
        }
        channels.disconnect(channelId);
        event(id, SYSTEM, "DISCONNECTED", "#" + r.channelName());
        return true;
    }

    /** The chat platform says the channel is no longer shared (Slack's channel_unshared): on the request's timeline. */
    @Transactional
    public void recordUnsharedOnPlatform(String id) {
        event(id, SYSTEM, "UNSHARED_ON_PLATFORM", null);
    }

    /**
     * The partner stopped sharing a connected channel on the platform, unasked (Slack's channel_unshared while nothing
     * at Gatehouse disconnects it): on the timeline, by the partner, when the platform said so. Refused unless the
     * request is CONNECTED: after its end the platform's word changes nothing.
     */
    @Transactional
    public void recordPartnerLeft(String id) {
        AccessRequest r = requests.lock(id).orElseThrow(() -> notFound(id));
        if (r.status() != AccessRequestStatus.CONNECTED) {
            throw new ConflictException("status", "Request " + id + " is " + r.status() + ": no shared channel of it to "
                    + "leave");
        }
        event(id, "partner", PARTNER_LEFT, organisations.get(r.partnerId()).name() + " stopped sharing #"
                + r.channelName() + " on the chat platform");
    }

    /**
     * After {@link #recordPartnerLeft}: the workspace admins and the requester are told; the request then ends (the
     * model's end event), the channel recorded as no longer shared. The pinned house rules stay as they are.
     */
    @Transactional
    public void partnerLeft(String id, String processInstanceId) {
        AccessRequest r = owned(id, processInstanceId);
        r.requireStatus(AccessRequestStatus.CONNECTED, "ending a sharing the partner left");
        AccessRequestEvent left = requests.events(id).stream().filter(e -> PARTNER_LEFT.equals(e.action()))
                .reduce((first, second) -> second).orElseThrow(() -> RefusedStepException.precondition(
                        AccessRequest.RECORD, id, "the partner's leaving is not recorded"));
        MessageTemplate message = MessageTemplate.of("partner-left", processInstanceId).with("channelName", r.channelName())
                .with("partner", organisations.get(r.partnerId()).name()).with("projectName", r.projectName())
                .with("requesterName", people.nameOf(r.requester())).with("leftAt", left.at());
        notifier.notifyUser(r.requester(), MessageKind.STATUS, message);
        notifier.notifyGroup(GatehouseGroups.WORKSPACE_ADMINS, MessageKind.STATUS, message);
    }

    /** The requester extends the collaboration; the NDA is checked again against the new date. */
    @Transactional
    public void renew(String id, String processInstanceId, LocalDate newEndDate) {
        AccessRequest r = owned(id, processInstanceId);
        r.requireStatus(AccessRequestStatus.CONNECTED, "a renewal");
        if (newEndDate == null) {
            throw new InvalidInputException("newEndDate", "A renewal needs a new end date");
        }
        if (!newEndDate.isAfter(r.endDate()) || !newEndDate.isAfter(today())) {
            throw new InvalidInputException("newEndDate", "The new end date must lie after " + r.endDate() + " and today");
        }
        requests.updateEndDate(id, newEndDate, now());
        event(id, r.requester(), "RENEWED", "Until " + newEndDate);
    }

    /** Only the requester (or an admin) withdraws, and only while the request is pending. */
    public void checkMayWithdraw(String id, String user) {
        AccessRequest r = get(id);
        if (!user.equals(r.requester()) && !roles.isWorkspaceAdmin(user)) {
            throw new ForbiddenException("Only the requester or an admin withdraws a request");
        }
        if (!AccessRequestStatus.PENDING.contains(r.status())) {
            throw new ConflictException("status", "A " + r.status() + " request cannot be withdrawn");
        }
    }

    /** {@code why}: null when the requester withdraws; the reason when an admin does (a partnership's end). */
    @Transactional
    public void recordWithdrawal(String id, String user, String why) {
        event(id, user, WITHDRAWAL_REQUESTED, why);
    }

    /** Early disconnection (A10), by whoever the sharing policy lets disconnect (admins by default). */
    public void checkMayDisconnect(String id, String user) {
        AccessRequest r = get(id);
        if (!policy.may(user, ChannelAction.DISCONNECT)) {
            throw new ForbiddenException("The sharing policy does not let " + user + " disconnect shared channels");
        }
        if (r.status() != AccessRequestStatus.CONNECTED) {
            throw new ConflictException("status", "Only a CONNECTED request can be disconnected; this one is " + r.status());
        }
    }

    @Transactional
    public void recordDisconnectRequest(String id, String admin, String why) {
        event(id, admin, DISCONNECT_REQUESTED, why);
    }

    /** The partner's requests that still hold a channel or may come to: pending or connected. */
    public List<AccessRequest> openWith(String partnerId) {
        return requests.findOpen(partnerId, AccessRequestStatus.OPEN);
    }

    public AccessRequest get(String id) {
        return requests.findById(id).orElseThrow(() -> notFound(id));
    }

    /**
     * The request, locked, for a step of {@code processInstanceId}: refused unless the request belongs to that
     * instance, so that a second instance started with its id (or another process) cannot act on it.
     */
    private AccessRequest owned(String id, String processInstanceId) {
        AccessRequest r = requests.lock(id).orElseThrow(() -> notFound(id));
        RefusedStepException.requireOwner(AccessRequest.RECORD, id, r.processInstanceId(), processInstanceId,
                () -> requests.bindProcessInstance(id, processInstanceId));
        return r;
    }

    private static void requireBeforeApproval(AccessRequest r, String step) {
        if (!r.status().beforeApproval()) {
            throw RefusedStepException.precondition(AccessRequest.RECORD, r.id(), "it is " + r.status() + ", too late for "
                    + step);
        }
    }

    /** Requesters see their own requests; admins, legal and auditors see all. */
    public AccessRequestView view(String id, String viewer) {
        AccessRequest r = get(id);
        if (!seesAll(viewer) && !r.requester().equals(viewer)) {
            throw new NotFoundException("There is no access request " + id);
        }
        return toView(r, viewer, true);
    }

    public List<AccessRequestView> list(AccessRequestStatus status, String partner, String requester, String viewer) {
        String partnerId = partner == null ? null
                : organisations.findByName(partner).or(() -> organisations.find(partner)).map(Organisation::id).orElse("-");
        String onlyRequester = seesAll(viewer) ? requester : viewer;
        if (requester != null && !Objects.equals(requester, onlyRequester)) {
            return List.of();
        }
        return requests.find(status, partnerId, onlyRequester, MAX_LIST).stream().map(r -> toView(r, viewer, false)).toList();
    }

    /** One look at the viewer's groups, not one per group: every auditor's read of a trail asks. */
    private boolean seesAll(String viewer) {
        return roles.groupsOf(viewer).stream().anyMatch(Set.of(GatehouseGroups.ADMINS, GatehouseGroups.WORKSPACE_ADMINS,
                GatehouseGroups.LEGAL, GatehouseGroups.AUDITORS)::contains);
    }

    /**
     * The partner's link is the partner's credential (whoever holds it accepts for them): only the requester sees it,
     * to hand it on, and only while no channel delivers it to the partner; admins, Legal and auditors never do.
     */
    private AccessRequestView toView(AccessRequest r, String viewer, boolean withTimeline) {
        boolean handsOn = r.requester().equals(viewer) && r.status() == AccessRequestStatus.AWAITING_APPROVAL
                && partnerLinkGoesThroughRequester();
        String inviteUrl = handsOn ? invitations.openLink(r.id()).orElse(null) : null;
        return new AccessRequestView(r.id(), r.status().name(), r.statusReason(), r.requester(), r.workspaceId(),
                r.channelName(), r.channelId(), organisations.get(r.partnerId()).name(), r.partnerContactName(),
                r.partnerContactEmail(), r.projectName(), r.endDate(), r.purpose(), r.hostApprover(),
                r.partnerApproverName(), r.partnerChannelName(), inviteUrl, properties.neverPost(), r.createdAt(),
                r.updatedAt(), withTimeline ? requests.events(r.id()) : null);
    }

    private boolean partnerLinkGoesThroughRequester() {
        return !notifier.reachesAddresses();
    }

    private String requireChannel(AccessRequest r) {
        if (r.channelId() == null) {
            throw new IllegalStateException("Request " + r.id() + " has no connected channel");
        }
        return r.channelId();
    }

    private void event(String id, String actor, String action, String detail) {
        requests.addEvent(id, new AccessRequestEvent(now(), actor, action, detail));
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("There is no access request " + id);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
