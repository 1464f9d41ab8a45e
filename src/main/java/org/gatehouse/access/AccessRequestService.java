package org.gatehouse.access;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.gatehouse.channels.Channel;
import org.gatehouse.channels.ChannelService;
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
    private static final int MAX_LIST = 500;

    private final AccessRequestRepository requests;
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

    AccessRequestService(AccessRequestRepository requests, SharingPolicyService policy, InvitationService invitations,
            OrganisationService organisations, ChannelService channels, Notifier notifier, NdaRegister ndas, RoleService roles,
            PersonService people, AccessProperties properties, Validator validator, ApplicationEventPublisher publisher,
            Clock clock) {
        this.requests = requests;
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
     * bad input throws before anything is stored.
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
        if (requests.existsOpen(workspace.id(), draft.channelName(), partner.id(), AccessRequestStatus.OPEN)) {
            throw new ConflictException("channelName", "#" + draft.channelName() + " already has an open request for "
                    + partner.name());
        }
        String channelId = channels.find(workspace.id(), draft.channelName()).map(Channel::id).orElse(null);
        var now = now();
        var request = new AccessRequest(id, requester, workspace.id(), draft.channelName(), channelId, partner.id(),
                draft.partnerContactName().trim(), EmailAddresses.normalise(draft.partnerContactEmail()),
                draft.projectName().trim(), draft.endDate(), draft.purpose().trim(), AccessRequestStatus.SUBMITTED, null,
                null, null, null, null, null, processInstanceId, now, now);
        requests.insert(request);
        event(id, requester, "SUBMITTED", "#" + draft.channelName() + " with " + partner.name() + " until " + draft.endDate());
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
        transition(r, status, reason);
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
     * A4, A5: the link goes to the partner's contact, as the request for their organisation's approval; the requester
     * is told what must never be posted, and gets the link only while nothing delivers it to the partner.
     */
    @Transactional
    public void sendInvitation(String id, String processInstanceId) {
        AccessRequest r = owned(id, processInstanceId);
        requireBeforeApproval(r, "sending the partner's invitation");
        Invitation invitation = invitations.openInvitation(id)
                .orElseThrow(() -> new IllegalStateException("Request " + id + " has no open invitation"));
        MessageTemplate about = MessageTemplate.of("partner-invitation", processInstanceId)
                .with("host", organisations.host().name()).with("partner", organisations.get(r.partnerId()).name())
                .with("channelName", r.channelName()).with("projectName", r.projectName()).with("purpose", r.purpose())
                .with("endDate", r.endDate()).with("requesterName", people.nameOf(r.requester()))
                .with("contactName", r.partnerContactName()).with("contactEmail", r.partnerContactEmail())
                .with("expiresAt", invitation.expiresAt()).with("link", invitations.openLink(id).orElseThrow())
                .with("neverPost", String.join("; ", properties.neverPost()))
                .with("handOn", partnerLinkGoesThroughRequester());
        notifier.notifyAddress(r.partnerContactEmail(), MessageKind.APPROVAL_REQUEST, about);
        notifier.notifyUser(r.requester(), MessageKind.STATUS,
                new MessageTemplate("access-request-waiting", processInstanceId, about.model()));
        event(id, SYSTEM, "INVITATION_SENT", r.partnerContactEmail());
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
     * A5, A6, A11: shares the channel; the partner's admin joins it and the request is CONNECTED. Only from
     * AWAITING_APPROVAL with both approvals recorded, whatever way the process reached this step.
     */
    @Transactional
    public Channel connect(String id, String processInstanceId) {
        AccessRequest r = owned(id, processInstanceId);
        r.requireMayConnect();
        Channel channel = channels.connect(r.workspaceId(), r.channelName(), r.partnerId(), r.partnerChannelName(),
                r.requester(), new SharingApprovals(r.hostApprover(), r.partnerApproverEmail()));
        channels.addPartnerMember(channel.id(), r.partnerApproverEmail(), r.partnerId());
        requests.updateChannel(id, channel.id(), now());
        transition(r, AccessRequestStatus.CONNECTED, "Shared with " + organisations.get(r.partnerId()).name());
        return channel;
    }

    @Transactional
    public String pinHouseRules(String id, String processInstanceId, String template) {
        AccessRequest r = owned(id, processInstanceId);
        r.requireStatus(AccessRequestStatus.CONNECTED, "pinning the house rules");
        String note = channels.pinHouseRules(requireChannel(r), template);
        event(id, SYSTEM, "HOUSE_RULES_PINNED", null);
        return note;
    }

    @Transactional
    public void disconnect(String id, String processInstanceId) {
        AccessRequest r = owned(id, processInstanceId);
        r.requireStatus(AccessRequestStatus.CONNECTED, "disconnecting the channel");
        channels.disconnect(requireChannel(r));
        event(id, SYSTEM, "DISCONNECTED", "#" + r.channelName());
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

    @Transactional
    public void recordWithdrawal(String id, String user) {
        event(id, user, "WITHDRAWAL_REQUESTED", null);
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
    public void recordDisconnectRequest(String id, String admin) {
        event(id, admin, "DISCONNECT_REQUESTED", null);
    }

    public List<String> connectedRequestsWith(String partnerId, String admin) {
        if (!policy.may(admin, ChannelAction.DISCONNECT)) {
            throw new ForbiddenException("The sharing policy does not let " + admin + " disconnect shared channels");
        }
        organisations.find(partnerId).orElseThrow(() -> new NotFoundException("There is no organisation " + partnerId));
        return requests.find(AccessRequestStatus.CONNECTED, partnerId, null, MAX_LIST).stream().map(AccessRequest::id).toList();
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

    private boolean seesAll(String viewer) {
        return Set.of(GatehouseGroups.ADMINS, GatehouseGroups.WORKSPACE_ADMINS, GatehouseGroups.LEGAL, GatehouseGroups.AUDITORS).stream()
                .anyMatch(g -> roles.isMember(viewer, g));
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
