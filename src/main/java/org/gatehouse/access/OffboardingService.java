package org.gatehouse.access;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.gatehouse.channels.Channel;
import org.gatehouse.channels.ChannelService;
import org.gatehouse.channels.MessageKind;
import org.gatehouse.channels.MessageTemplate;
import org.gatehouse.channels.Notifier;
import org.gatehouse.channels.SharingPolicy.ChannelAction;
import org.gatehouse.channels.SharingPolicyService;
import org.gatehouse.directory.Organisation;
import org.gatehouse.directory.OrganisationService;
import org.gatehouse.directory.PartnershipEnd;
import org.gatehouse.directory.RoleService;
import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.NotFoundException;
import org.gatehouse.platform.RefusedStepException;
import org.gatehouse.platform.SingleUseLinks;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules of ending a partnership (A10). The process {@code partner-offboarding} decides the order of the steps;
 * this service decides whether each may happen (a second admin's confirmation before anything is disconnected, every
 * channel disconnected before the partnership is recorded as ended) and records it, with who did it.
 */
@Service
public class OffboardingService {

    private static final int MAX_ERROR = 500;

    private final OffboardingRepository offboardings;
    private final SharingPolicyService policy;
    private final OrganisationService organisations;
    private final ChannelService channels;
    private final RoleService roles;
    private final Notifier notifier;
    private final Validator validator;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    OffboardingService(OffboardingRepository offboardings, SharingPolicyService policy, OrganisationService organisations,
            ChannelService channels, RoleService roles, Notifier notifier, Validator validator, Clock clock,
            PlatformTransactionManager transactions) {
        this.offboardings = offboardings;
        this.policy = policy;
        this.organisations = organisations;
        this.channels = channels;
        this.roles = roles;
        this.notifier = notifier;
        this.validator = validator;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Whoever the sharing policy lets disconnect shared channels (admins by default) ends a partnership with an
     * outside organisation, one at a time per organisation.
     */
    public Organisation checkMayStart(String partnerId, String admin) {
        if (admin == null || !policy.may(admin, ChannelAction.DISCONNECT)) {
            throw new ForbiddenException("The sharing policy does not let " + admin + " disconnect shared channels");
        }
        Organisation partner = partner(partnerId);
        offboardings.findOpen(partnerId).ifPresent(open -> {
            throw new ConflictException("partnerId", "Ending the partnership with " + partner.name() + " is under way "
                    + "already (" + open.id() + ", " + open.status() + ")");
        });
        return partner;
    }

    /**
     * The first step of {@code partner-offboarding}: stores the offboarding as AWAITING_CONFIRMATION, with the
     * channels shared with the partner now, bound to the instance that registers it. A second admin has
     * {@code confirmWithin} (the model's input) to answer, after which it expires.
     */
    @Transactional
    public OffboardingView register(String id, String partnerId, OffboardingDraft draft, String requestedBy,
            Duration confirmWithin, String processInstanceId) {
        Duration limit = SingleUseLinks.validity(PartnerOffboardingProcess.CONFIRM_WITHIN.name(), confirmWithin);
        var violations = validator.validate(draft);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        Organisation partner = checkMayStart(partnerId, requestedBy);
        LocalDateTime now = now();
        var offboarding = new Offboarding(id, partner.id(), draft.keepsDirectMessages(), draft.reason().strip(),
                OffboardingStatus.AWAITING_CONFIRMATION, requestedBy, now, null, null, null, null, null, null, null,
                processInstanceId, now, now.plus(limit), null, null);
        try {
            offboardings.insert(offboarding);
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("partnerId", "Ending the partnership with " + partner.name()
                    + " is under way already");
        }
        listSharedChannels(offboarding);
        event(id, requestedBy, "REQUESTED", (offboarding.keepDirectMessages() ? "Direct messages stay open"
                : "Direct messages disabled") + ": " + offboarding.reason());
        return toView(offboarding);
    }

    /** Who asked: four eyes keeps them off the confirmation. */
    public String requestedBy(String id) {
        return get(id).requestedBy();
    }

    /**
     * The second admin's answer, given by the completion of {@code confirmOffboarding} in the offboarding's own
     * instance: never by the admin who asked, only by a workspace admin. Confirmed, it is DISCONNECTING, with the
     * channels shared by now added to those listed; refused, it is REFUSED and nothing is disconnected.
     */
    @Transactional
    public Offboarding recordConfirmation(String id, String processInstanceId, String admin, boolean confirmed,
            String comment) {
        Offboarding o = owned(id, processInstanceId);
        o.requireStatus(OffboardingStatus.AWAITING_CONFIRMATION, "the confirmation");
        if (admin == null) {
            throw new ForbiddenException("A confirmation needs a signed-in admin");
        }
        if (admin.equals(o.requestedBy())) {
            throw new ForbiddenException("Nobody confirms an offboarding they asked for: " + admin + " asked for " + id);
        }
        if (!roles.isWorkspaceAdmin(admin)) {
            throw new ForbiddenException("Only workspace admins confirm the end of a partnership");
        }
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (!offboardings.updateConfirmation(id, admin, confirmed, note, now())) {
            throw RefusedStepException.precondition(Offboarding.RECORD, id, "the confirmation is recorded already");
        }
        event(id, admin, confirmed ? "CONFIRMED" : "REFUSED", note);
        OffboardingStatus next = confirmed ? OffboardingStatus.DISCONNECTING : OffboardingStatus.REFUSED;
        transition(o, next);
        if (confirmed) {
            listSharedChannels(o);
        }
        return get(id);
    }

    /**
     * Calls the offboarding off while it awaits the confirmation: the admin who asked, or any workspace admin. Its
     * process records it CANCELLED ({@link #recordCancelled}); nothing was disconnected.
     */
    @Transactional
    public void requestCancellation(String partnerId, String id, String user) {
        Offboarding o = offboardings.lock(id).filter(found -> found.partnerId().equals(partnerId))
                .orElseThrow(() -> new NotFoundException("There is no offboarding " + id + " of " + partnerId));
        if (!user.equals(o.requestedBy()) && !roles.isWorkspaceAdmin(user)) {
            throw new ForbiddenException("Only the admin who asked, or a workspace admin, calls off ending a partnership");
        }
        if (o.status() != OffboardingStatus.AWAITING_CONFIRMATION || !offboardings.updateCancellation(id, user, now())) {
            throw new ConflictException("status", "Offboarding " + id + " is " + o.status()
                    + (o.cancelledBy() != null ? ", called off by " + o.cancelledBy() + " already" : "")
                    + ": only one awaiting its confirmation can be called off");
        }
        event(id, user, "CANCEL_REQUESTED", null);
    }

    /** 'Record cancellation': CANCELLED, only once someone called it off ({@link #requestCancellation}). */
    @Transactional
    public void recordCancelled(String id, String processInstanceId) {
        Offboarding o = owned(id, processInstanceId);
        if (o.cancelledBy() == null) {
            throw RefusedStepException.precondition(Offboarding.RECORD, id, "nobody called it off");
        }
        transition(o, OffboardingStatus.CANCELLED);
        event(id, o.cancelledBy(), "CANCELLED", "Called off before a second admin answered");
    }

    /**
     * 'Nobody confirmed in time': EXPIRED once its time limit has passed without an answer, and the admin who asked is
     * told; nothing was disconnected. Refused before the limit, so no step reached early ends it.
     */
    @Transactional
    public void expire(String id, String processInstanceId) {
        Offboarding o = owned(id, processInstanceId);
        if (o.confirmBy() == null || now().isBefore(o.confirmBy())) {
            throw RefusedStepException.precondition(Offboarding.RECORD, id, "its time limit ("
                    + o.confirmBy() + ") has not passed");
        }
        transition(o, OffboardingStatus.EXPIRED);
        String partner = organisations.get(o.partnerId()).name();
        notifier.notifyUser(o.requestedBy(), MessageKind.STATUS, MessageTemplate.of("offboarding-expired",
                processInstanceId).with("partner", partner).with("offboarding", id).with("requestedAt", o.requestedAt())
                .with("confirmBy", o.confirmBy()));
        event(id, AccessRequestService.SYSTEM, "EXPIRED", "No second admin answered by " + o.confirmBy()
                + "; " + o.requestedBy() + " is told");
    }

    /** The channels 'Disconnect channel' takes, one instance each: those listed, once the confirmation is in. */
    public List<String> channelIds(String id, String processInstanceId) {
        Offboarding o = owned(id, processInstanceId);
        o.requireStatus(OffboardingStatus.DISCONNECTING, "disconnecting its channels");
        return offboardings.channels(id).stream().map(OffboardingChannel::channelId).toList();
    }

    /**
     * Disconnects one listed channel through the chat platform. Safe to repeat; a channel shared with another
     * organisation by now is left alone. A failure of the platform is counted on the channel in a transaction of its
     * own and thrown on, so that the step retries and then waits in an incident.
     */
    @Transactional
    public void disconnectChannel(String id, String processInstanceId, String channelId) {
        Offboarding o = owned(id, processInstanceId);
        o.requireStatus(OffboardingStatus.DISCONNECTING, "disconnecting a channel");
        OffboardingChannel listed = offboardings.channels(id).stream().filter(c -> c.channelId().equals(channelId))
                .findFirst().orElseThrow(() -> RefusedStepException.precondition(Offboarding.RECORD, id,
                        "channel " + channelId + " is not one it disconnects"));
        if (listed.state().settled()) {
            return;
        }
        Channel channel = channels.get(channelId);
        if (channel.shared() && !channel.partnerId().equals(o.partnerId())) {
            offboardings.settleChannel(id, channelId, OffboardingChannel.State.SKIPPED, now());
            event(id, AccessRequestService.SYSTEM, "CHANNEL_SKIPPED", "#" + channel.name() + " is shared with "
                    + channel.partnerId() + " now");
            return;
        }
        try {
            channels.disconnect(channelId);
        } catch (RuntimeException failure) {
            String error = String.valueOf(failure.getMessage());
            ownTransaction.executeWithoutResult(status -> offboardings.recordFailure(id, channelId,
                    error.substring(0, Math.min(error.length(), MAX_ERROR))));
            throw failure;
        }
        offboardings.settleChannel(id, channelId, OffboardingChannel.State.DISCONNECTED, now());
        event(id, AccessRequestService.SYSTEM, "CHANNEL_DISCONNECTED", "#" + listed.channelName() + " in "
                + listed.workspaceId());
    }

    /** Direct messages disabled: once every channel is disconnected, the organisations' connection ends. */
    @Transactional
    public void endConnection(String id, String processInstanceId) {
        Offboarding o = requireChannelsSettled(id, processInstanceId, "ending the connection");
        if (o.keepDirectMessages()) {
            throw RefusedStepException.precondition(Offboarding.RECORD, id, "direct messages stay open: the connection "
                    + "with the partner does not end");
        }
        channels.endConnection(o.partnerId());
        offboardings.updateConnectionEnded(id, now());
        event(id, AccessRequestService.SYSTEM, "CONNECTION_ENDED", "Direct messages with "
                + organisations.get(o.partnerId()).name() + " are disabled");
    }

    /**
     * Before the partner's open requests end: every channel disconnected and, with direct messages disabled, the
     * connection ended. They end in the name of the admin who asked.
     */
    @Transactional
    public RequestsToEnd requestsToEnd(String id, String processInstanceId) {
        Offboarding o = requireChannelsSettled(id, processInstanceId, "ending the partner's requests");
        requireConnectionSettled(o);
        Organisation partner = organisations.get(o.partnerId());
        return new RequestsToEnd(partner.id(), o.requestedBy(), "the partnership with " + partner.name() + " ends "
                + "(offboarding " + id + ", asked by " + o.requestedBy() + ", confirmed by " + o.confirmedBy() + ")");
    }

    public record RequestsToEnd(String partnerId, String admin, String why) {
    }

    @Transactional
    public void recordRequestsEnded(String id, String processInstanceId, int ended) {
        owned(id, processInstanceId).requireStatus(OffboardingStatus.DISCONNECTING, "ending the partner's requests");
        offboardings.updateRequestsEnded(id, now());
        event(id, AccessRequestService.SYSTEM, "REQUESTS_ENDED", ended + " open request(s) withdrawn or disconnected");
    }

    /**
     * The end: DONE, and the organisation's record says when, who asked, who confirmed and whether direct messages
     * stay open. Only once every channel is disconnected, the connection settled and the requests ended.
     */
    @Transactional
    public void finish(String id, String processInstanceId) {
        Offboarding o = requireChannelsSettled(id, processInstanceId, "ending the partnership");
        requireConnectionSettled(o);
        if (o.requestsEndedAt() == null) {
            throw RefusedStepException.precondition(Offboarding.RECORD, id, "the partner's open requests have not ended");
        }
        transition(o, OffboardingStatus.DONE);
        organisations.recordPartnershipEnd(o.partnerId(), new PartnershipEnd(now(), o.requestedBy(), o.confirmedBy(),
                o.keepDirectMessages()));
        event(id, AccessRequestService.SYSTEM, "DONE", "The partnership with " + organisations.get(o.partnerId()).name()
                + " has ended");
    }

    /** Workspace admins and admins read an offboarding (the admin who asked is one of them, or the policy's). */
    public OffboardingView view(String partnerId, String id, String viewer) {
        Offboarding o = offboardings.findById(id).filter(found -> found.partnerId().equals(partnerId))
                .orElseThrow(() -> new NotFoundException("There is no offboarding " + id + " of " + partnerId));
        if (!roles.isWorkspaceAdmin(viewer) && !viewer.equals(o.requestedBy())) {
            throw new ForbiddenException("Only workspace admins read how a partnership ends");
        }
        return toView(o);
    }

    /** The partner's latest offboarding, whatever its status: the organisations' view shows it. */
    Optional<Offboarding> latest(String partnerId) {
        return offboardings.findLatest(partnerId);
    }

    private OffboardingView toView(Offboarding o) {
        return new OffboardingView(o.id(), o.partnerId(), organisations.get(o.partnerId()).name(), o.status().name(),
                o.keepDirectMessages(), o.reason(), o.requestedBy(), o.requestedAt(), o.confirmedBy(), o.confirmed(),
                o.confirmComment(), o.confirmedAt(), o.connectionEndedAt(), o.requestsEndedAt(), o.doneAt(),
                o.confirmBy(), o.cancelledBy(), o.cancelledAt(), offboardings.channels(o.id()),
                offboardings.events(o.id()));
    }

    private Offboarding requireChannelsSettled(String id, String processInstanceId, String step) {
        Offboarding o = owned(id, processInstanceId);
        o.requireStatus(OffboardingStatus.DISCONNECTING, step);
        List<String> left = offboardings.channels(id).stream().filter(c -> !c.state().settled())
                .map(c -> "#" + c.channelName()).toList();
        if (!left.isEmpty()) {
            throw RefusedStepException.precondition(Offboarding.RECORD, id, "channels are still shared: " + left);
        }
        return o;
    }

    private static void requireConnectionSettled(Offboarding o) {
        if (!o.connectionSettled()) {
            throw RefusedStepException.precondition(Offboarding.RECORD, o.id(), "direct messages are disabled and the "
                    + "connection with the partner has not ended");
        }
    }

    /** Adds the channels shared with the partner now to those listed (the caller holds the offboarding's lock). */
    private void listSharedChannels(Offboarding o) {
        Set<String> listed = offboardings.channels(o.id()).stream().map(OffboardingChannel::channelId)
                .collect(Collectors.toSet());
        channels.sharedWith(o.partnerId()).stream().filter(c -> !listed.contains(c.id()))
                .forEach(c -> offboardings.addChannel(o.id(), c.id(), c.workspaceId(), c.name()));
    }

    private void transition(Offboarding o, OffboardingStatus next) {
        o.requireMayBecome(next);
        if (!offboardings.updateStatus(o.id(), o.status(), next, now())) {
            throw RefusedStepException.stale(Offboarding.RECORD, o.id(), o.status());
        }
    }

    private Organisation partner(String partnerId) {
        return organisations.find(partnerId).filter(o -> o.kind() == Organisation.Kind.PARTNER)
                .orElseThrow(() -> new NotFoundException("There is no partner organisation " + partnerId));
    }

    private Offboarding get(String id) {
        return offboardings.findById(id).orElseThrow(() -> new NotFoundException("There is no offboarding " + id));
    }

    /** The offboarding, locked, for a step of {@code processInstanceId}: refused for any other instance. */
    private Offboarding owned(String id, String processInstanceId) {
        Offboarding o = offboardings.lock(id).orElseThrow(() -> new NotFoundException("There is no offboarding " + id));
        RefusedStepException.requireOwner(Offboarding.RECORD, id, o.processInstanceId(), processInstanceId, () -> false);
        return o;
    }

    private void event(String id, String actor, String action, String detail) {
        offboardings.addEvent(id, new AccessRequestEvent(now(), actor, action, detail));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
