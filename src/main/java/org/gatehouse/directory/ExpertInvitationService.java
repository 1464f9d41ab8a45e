package org.gatehouse.directory;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.gatehouse.channels.MessageKind;
import org.gatehouse.channels.Notifier;
import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.LinkTokens;
import org.gatehouse.platform.NotFoundException;
import org.gatehouse.platform.SingleUseLink;
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

    static final String TOKEN_PURPOSE = "expert-invitation";
    private static final int MAX_LIST = 500;

    private final ExpertInvitationRepository invitations;
    private final PersonService people;
    private final RoleService roles;
    private final Notifier notifier;
    private final ExpertInvitationProperties properties;
    private final Clock clock;

    ExpertInvitationService(ExpertInvitationRepository invitations, PersonService people, RoleService roles,
            Notifier notifier, ExpertInvitationProperties properties, Clock clock) {
        this.invitations = invitations;
        this.people = people;
        this.roles = roles;
        this.notifier = notifier;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Records a pending invitation after checking that {@code inviter} may name experts and that the person may become
     * one: an active employee, not the inviter, not an expert yet, without another pending invitation. Bad input
     * throws before anything is stored.
     */
    @Transactional
    public ExpertInvitationView register(String id, String personId, String inviter) {
        if (!roles.isExpertOrAdmin(inviter)) {
            throw new ForbiddenException("Only experts and admins name experts");
        }
        Person person = people.activeEmployee("personId", personId, inviter, "become experts", "Nobody invites themselves");
        if (people.groupsOf(person).contains(RoleService.EXPERTS)) {
            throw new ConflictException("personId", person.id() + " is already an expert");
        }
        if (invitations.findPending(person.id()).isPresent()) {
            throw alreadyInvited(person);
        }
        LocalDateTime now = now();
        try {
            invitations.insert(id, person.id(), inviter, LinkTokens.hash(token(id)), now.plus(properties.invitationValidity()),
                    now);
        } catch (DuplicateKeyException e) {
            throw alreadyInvited(person);
        }
        return view(get(id));
    }

    /**
     * The invitation goes to the invitee through the chat platform, with the link; Tasklist has the same answer. It
     * asks the invitee to decide, so it is an approval request: it reaches imported employees too (C5).
     */
    public void send(String id) {
        ExpertInvitation invitation = get(id);
        notifier.notifyUser(invitation.personId(), MessageKind.APPROVAL_REQUEST, nameOf(invitation.invitedBy()) + " invites you to become a "
                + "Conversations Expert: you would handle employees' requests with your teams. Accept or decline before "
                + invitation.expiresAt() + " UTC here: " + link(id) + " (or in Tasklist, task \"Accept the expert invitation\").");
    }

    @Transactional
    public void remind(String id) {
        ExpertInvitation invitation = get(id);
        if (invitation.status() != ExpertInvitation.Status.PENDING) {
            return;
        }
        notifier.notifyUser(invitation.personId(), MessageKind.APPROVAL_REQUEST, "Reminder: " + nameOf(invitation.invitedBy()) + "'s invitation to "
                + "become a Conversations Expert is waiting for your answer until " + invitation.expiresAt() + " UTC: "
                + link(id));
        invitations.markReminded(id, now());
    }

    /** C7: the invitee accepted; from now on they hold the {@code experts} role, granted by whoever named them. */
    @Transactional
    public void accept(String id) {
        ExpertInvitation invitation = get(id);
        LocalDateTime now = now();
        if (!invitations.close(id, ExpertInvitation.Status.ACCEPTED, null, now, now)) {
            throw new ConflictException("status", "The invitation " + id + " is no longer pending");
        }
        people.grantRole(invitation.personId(), RoleService.EXPERTS, invitation.invitedBy());
    }

    /** A declined or expired invitation changes nothing but itself. */
    @Transactional
    public void close(String id, ExpertInvitation.Status status, String declineReason) {
        LocalDateTime now = now();
        boolean declined = status == ExpertInvitation.Status.DECLINED;
        String reason = declined && declineReason != null && !declineReason.isBlank() ? declineReason.trim() : null;
        invitations.close(id, status, reason, declined ? now : null, now);
    }

    /** The invitation behind a link that still works; a made-up token is 404, a spent or expired one 409. */
    public ExpertInvitation resolve(String token) {
        return SingleUseLink.open(invitations.findByTokenHash(LinkTokens.hash(token)), "invitation", now());
    }

    /** Spends the link; the conditional update makes a second, concurrent use fail rather than count twice. */
    @Transactional
    public void useToken(ExpertInvitation invitation) {
        if (!invitations.useToken(invitation.id(), now())) {
            throw SingleUseLink.alreadyUsed("invitation");
        }
    }

    /** What the invitee sees behind the link. */
    public LinkView linkView(ExpertInvitation invitation) {
        return new LinkView(people.get(invitation.personId()).name(), nameOf(invitation.invitedBy()),
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

    ExpertInvitation get(String id) {
        return invitations.find(id).orElseThrow(() -> notFound(id));
    }

    private ExpertInvitationView view(ExpertInvitation invitation) {
        return ExpertInvitationView.of(invitation, people.get(invitation.personId()));
    }

    private String link(String id) {
        return properties.publicBaseUrl() + "/expert-invitations/" + token(id);
    }

    private String token(String id) {
        return LinkTokens.token(properties.invitationSecret(), TOKEN_PURPOSE, id);
    }

    private String nameOf(String userId) {
        return people.find(userId).map(Person::name).orElse(userId);
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
