package org.gatehouse.experts;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.gatehouse.channels.MessageKind;
import org.gatehouse.channels.MessageTemplate;
import org.gatehouse.channels.Notifier;
import org.gatehouse.directory.Person;
import org.gatehouse.directory.PersonService;
import org.gatehouse.directory.RoleService;
import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.GatehouseGroups;
import org.gatehouse.platform.LinkKind;
import org.gatehouse.platform.NotFoundException;
import org.gatehouse.platform.RefusedStepException;
import org.gatehouse.platform.SingleUseLinks;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of expert onboarding (C6, C7): who may name an expert, who may be named, the invitation's link (an HMAC
 * of its id, stored only as a hash, single use, expiring), and what an answer changes. {@code expert-onboarding}
 * decides the order of the steps.
 */
@Service
public class ExpertInvitationService {

    static final LinkKind LINK = new LinkKind("expert-invitation", "/expert-invitations/", "invitation");
    private static final int MAX_LIST = 500;

    private final ExpertInvitationRepository invitations;
    private final PersonService people;
    private final RoleService roles;
    private final Notifier notifier;
    private final SingleUseLinks links;
    private final Clock clock;

    ExpertInvitationService(ExpertInvitationRepository invitations, PersonService people, RoleService roles,
            Notifier notifier, SingleUseLinks links, Clock clock) {
        this.invitations = invitations;
        this.people = people;
        this.roles = roles;
        this.notifier = notifier;
        this.links = links;
        this.clock = clock;
    }

    /**
     * Records a pending invitation after checking that {@code inviter} may name experts and that the person may become
     * one: an active employee, not the inviter, not an expert yet, without another pending invitation. The invitation
     * and its link stay open for {@code validFor}, which the model gives, and belong to the process instance that
     * registers them. Bad input throws before anything is stored.
     */
    @Transactional
    public ExpertInvitationView register(String id, String personId, String inviter, Duration validFor,
            String processInstanceId) {
        Duration validity = SingleUseLinks.validity(ExpertOnboardingProcess.INVITATION_VALID_FOR.name(), validFor);
        if (!roles.isExpertOrAdmin(inviter)) {
            throw new ForbiddenException("Only experts and admins name experts");
        }
        Person person = people.activeEmployee("personId", personId, inviter, "become experts", "Nobody invites themselves");
        if (people.groupsOf(person).contains(GatehouseGroups.EXPERTS)) {
            throw new ConflictException("personId", person.id() + " is already an expert");
        }
        if (invitations.findPending(person.id()).isPresent()) {
            throw alreadyInvited(person);
        }
        LocalDateTime now = now();
        try {
            invitations.insert(id, person.id(), inviter, links.issue(LINK, id).hash(), now.plus(validity),
                    processInstanceId, now);
        } catch (DuplicateKeyException e) {
            throw alreadyInvited(person);
        }
        return view(get(id));
    }

    /**
     * The invitation goes to the invitee through the chat platform, with the link; Tasklist has the same answer. It
     * asks the invitee to decide, so it is an approval request: it reaches imported employees too (C5).
     */
    public void send(String id, String processInstanceId) {
        ExpertInvitation invitation = owned(id, processInstanceId);
        invitation.requirePending("there is nothing to invite to");
        notifier.notifyUser(invitation.personId(), MessageKind.APPROVAL_REQUEST, message("expert-invitation", invitation, processInstanceId));
    }

    @Transactional
    public void remind(String id, String processInstanceId) {
        ExpertInvitation invitation = owned(id, processInstanceId);
        invitations.remindIfPending(invitation, () -> notifier.notifyUser(invitation.personId(), MessageKind.APPROVAL_REQUEST,
                message("expert-invitation-reminder", invitation, processInstanceId)), now());
    }

    /**
     * The invitee's answer in their own Tasklist task: only the invitee answers, whoever else may complete the task.
     * Recorded here, not read later from process variables, so that no variable can answer for them.
     */
    @Transactional
    public void answerInTasklist(String id, String processInstanceId, String user, boolean accepted, String declineReason) {
        ExpertInvitation invitation = owned(id, processInstanceId);
        if (!invitation.personId().equals(user)) {
            throw new ForbiddenException("Only " + invitation.personId() + " answers their invitation");
        }
        answer(invitation, accepted, declineReason);
    }

    /** The invitee's answer through the link: the token is their credential, and it is spent with the answer. */
    @Transactional
    public void answerByLink(ExpertInvitation invitation, boolean accepted, String declineReason) {
        links.spend(LINK, now -> invitations.useToken(invitation.id(), now));
        answer(invitation, accepted, declineReason);
    }

    private void answer(ExpertInvitation invitation, boolean accepted, String declineReason) {
        ExpertInvitation.Status to = accepted ? ExpertInvitation.Status.ACCEPTED : ExpertInvitation.Status.DECLINED;
        String reason = !accepted && declineReason != null && !declineReason.isBlank() ? declineReason.trim() : null;
        transition(invitation, to, reason, now());
    }

    /**
     * C7: the invitee accepted; from now on they hold the {@code experts} role, granted by whoever named them. Only
     * once their acceptance is recorded: a step reached out of order grants nothing.
     */
    @Transactional
    public void grantExpertRole(String id, String processInstanceId) {
        ExpertInvitation invitation = owned(id, processInstanceId);
        requireRecorded(invitation, ExpertInvitation.Status.ACCEPTED);
        people.grantRole(invitation.personId(), GatehouseGroups.EXPERTS, invitation.invitedBy());
    }

    /**
     * The invitation ends as {@code status}: DECLINED only once the invitee's refusal is recorded, EXPIRED only once
     * its time is over and nobody answered. A declined or expired invitation changes nothing but itself.
     */
    @Transactional
    public void close(String id, String processInstanceId, ExpertInvitation.Status status) {
        ExpertInvitation invitation = owned(id, processInstanceId);
        if (status != ExpertInvitation.Status.EXPIRED) {
            requireRecorded(invitation, status);
            return;
        }
        LocalDateTime now = now();
        if (now.isBefore(invitation.expiresAt())) {
            throw RefusedStepException.precondition(invitation.recordName(), id, "it runs until "
                    + invitation.expiresAt() + " UTC");
        }
        transition(invitation, status, null, null);
    }

    private void transition(ExpertInvitation invitation, ExpertInvitation.Status to, String declineReason,
            LocalDateTime answeredAt) {
        invitation.requireMayBecome(to);
        if (!invitations.transition(invitation.id(), invitation.status(), to, declineReason, answeredAt, now())) {
            throw RefusedStepException.stale(invitation.recordName(), invitation.id(), invitation.status());
        }
    }

    private static void requireRecorded(ExpertInvitation invitation, ExpertInvitation.Status answer) {
        if (invitation.status() != answer) {
            throw RefusedStepException.precondition(invitation.recordName(), invitation.id(), "it is "
                    + invitation.status() + ": the invitee's answer " + answer + " is not recorded");
        }
    }

    /** The invitation behind a link that still works; a made-up token is 404, a spent or expired one 409. */
    public ExpertInvitation resolve(String token) {
        return links.open(LINK, token, invitations::findByTokenHash);
    }

    /** What the invitee sees behind the link. */
    public LinkView linkView(ExpertInvitation invitation) {
        return new LinkView(people.get(invitation.personId()).name(), people.nameOf(invitation.invitedBy()),
                invitation.expiresAt());
    }

    public record LinkView(String invitee, String invitedBy, LocalDateTime expiresAt) {
    }

    /** Experts and admins see every invitation; the invitee sees theirs; anyone else is told there is none. */
    public ExpertInvitationView view(String id, String viewer) {
        ExpertInvitation invitation = invitations.find(id).orElseThrow(() -> notFound(id));
        if (!roles.isExpertOrAdmin(viewer) && !invitation.personId().equals(viewer)) {
            throw notFound(id);
        }
        return view(invitation);
    }

    public List<ExpertInvitationView> list(ExpertInvitation.Status status, String personId, String viewer) {
        if (!roles.isExpertOrAdmin(viewer)) {
            throw new ForbiddenException("Only experts and admins list invitations");
        }
        return invitations.find(status, personId, MAX_LIST).stream().map(this::view).toList();
    }

    /** The invitation as recorded, for a reader the caller has let in: the auditors' trail. */
    public ExpertInvitationView asRecorded(String id) {
        return view(get(id));
    }

    /** Every reminder of the invitation, oldest first (its view names the last), for the auditors' trail. */
    public List<LocalDateTime> reminders(String id) {
        return invitations.reminders(id);
    }

    ExpertInvitation get(String id) {
        return invitations.find(id).orElseThrow(() -> notFound(id));
    }

    /** The invitation, for a step of {@code processInstanceId}: refused unless it belongs to that instance. */
    private ExpertInvitation owned(String id, String processInstanceId) {
        return invitations.owned(get(id), processInstanceId);
    }

    private ExpertInvitationView view(ExpertInvitation invitation) {
        return ExpertInvitationView.of(invitation, people.get(invitation.personId()));
    }

    private MessageTemplate message(String template, ExpertInvitation invitation, String processInstanceId) {
        return MessageTemplate.of(template, processInstanceId).with("inviterName", people.nameOf(invitation.invitedBy()))
                .with("inviteeName", people.nameOf(invitation.personId())).with("expiresAt", invitation.expiresAt())
                .with("link", link(invitation.id()));
    }

    private String link(String id) {
        return links.issue(LINK, id).url();
    }

    private static ConflictException alreadyInvited(Person person) {
        return new ConflictException("personId", person.id() + " already has a pending invitation");
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("There is no expert invitation " + id);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
