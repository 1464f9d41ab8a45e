package org.gatehouse.tickets;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

import org.gatehouse.channels.MessageKind;
import org.gatehouse.channels.Notifier;
import org.gatehouse.directory.Person;
import org.gatehouse.directory.PersonService;
import org.gatehouse.directory.RoleService;
import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.InvalidInputException;
import org.gatehouse.platform.LinkTokens;
import org.gatehouse.platform.NotFoundException;
import org.gatehouse.platform.SingleUseLink;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approval requests (the exception of C5): an expert asks an active employee, imported ones included, to approve
 * something; the answer comes from Tasklist or from a single-use link and lands on the caller (a ticket).
 */
@Service
public class ApprovalService {

    static final String TOKEN_PURPOSE = "approval";

    private final ApprovalRepository approvals;
    private final PersonService people;
    private final RoleService roles;
    private final Notifier notifier;
    private final ApprovalProperties properties;
    private final Clock clock;

    ApprovalService(ApprovalRepository approvals, PersonService people, RoleService roles, Notifier notifier,
            ApprovalProperties properties, Clock clock) {
        this.approvals = approvals;
        this.people = people;
        this.roles = roles;
        this.notifier = notifier;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Records a pending approval after checking that {@code requestedBy} is an expert or admin, that the approver is
     * an active employee and someone else, and that the subject and due time make sense. Bad input throws before
     * anything is stored.
     */
    @Transactional
    public ApprovalView register(String id, String approver, String requestedBy, String subject, String details,
            String subjectRef, String dueIn) {
        if (requestedBy == null || !roles.isExpertOrAdmin(requestedBy)) {
            throw new ForbiddenException("Only experts and admins ask for approvals");
        }
        Person person = people.activeEmployee("approver", approver, requestedBy, "approve",
                "Nobody approves their own request");
        String title = required("subject", subject, 200);
        String text = optional("details", details, 4000);
        String ref = optional("subjectRef", subjectRef, 200);
        LocalDateTime now = now();
        approvals.insert(id, person.id(), requestedBy, title, text, ref, LinkTokens.hash(token(id)),
                now.plus(validity(dueIn)), now);
        return view(get(id));
    }

    /** The request goes to the approver through the chat platform, with the link; Tasklist has the same task. */
    public void send(String id) {
        Approval approval = get(id);
        notifier.notifyUser(approval.approver(), MessageKind.APPROVAL_REQUEST, nameOf(approval.requestedBy())
                + " asks for your approval: " + approval.subject() + ". Approve or reject before " + approval.expiresAt()
                + " UTC here: " + link(id) + " (or in Tasklist, task \"Approve\").");
    }

    /** A reminder asks for the same decision, so it is an approval request too: it reaches imported employees (C5). */
    @Transactional
    public void remind(String id) {
        Approval approval = get(id);
        if (approval.status() != Approval.Status.PENDING) {
            return;
        }
        notifier.notifyUser(approval.approver(), MessageKind.APPROVAL_REQUEST, "Reminder: " + nameOf(approval.requestedBy())
                + " is waiting for your approval of \"" + approval.subject() + "\" until " + approval.expiresAt()
                + " UTC: " + link(id));
        approvals.markReminded(id, now());
    }

    /** Records the approver's answer; nobody answers a request they made, and a closed approval stays closed. */
    @Transactional
    public ApprovalView answer(String id, boolean approved, String comment, Approval.Via via, String answeredBy) {
        Approval approval = get(id);
        if (approval.requestedBy().equals(answeredBy)) {
            throw new ForbiddenException("Nobody approves their own request");
        }
        String text = optional("approvalComment", comment, 2000);
        LocalDateTime now = now();
        if (!approvals.close(id, approved ? Approval.Status.APPROVED : Approval.Status.REJECTED, answeredBy, via, text,
                now, now)) {
            throw new ConflictException("status", "The approval " + id + " is no longer pending");
        }
        return view(get(id));
    }

    @Transactional
    public ApprovalView expire(String id) {
        approvals.close(id, Approval.Status.EXPIRED, null, null, null, null, now());
        return view(get(id));
    }

    /** The approval behind a link that still works; a made-up token is 404, a spent or expired one 409. */
    public Approval resolve(String token) {
        return SingleUseLink.open(approvals.findByTokenHash(LinkTokens.hash(token)), "approval", now());
    }

    /** Spends the link; the conditional update makes a second, concurrent use fail rather than count twice. */
    @Transactional
    public void useToken(Approval approval) {
        if (!approvals.useToken(approval.id(), now())) {
            throw SingleUseLink.alreadyUsed("approval");
        }
    }

    /** What the approver sees behind the link. */
    public LinkView linkView(Approval approval) {
        return new LinkView(nameOf(approval.approver()), nameOf(approval.requestedBy()), approval.subject(),
                approval.details(), approval.expiresAt());
    }

    public record LinkView(String approver, String requestedBy, String subject, String details, LocalDateTime expiresAt) {
    }

    /** Experts and admins, the requester and the approver see an approval; anyone else is told there is none. */
    public ApprovalView view(String id, String viewer) {
        Approval approval = approvals.find(id).orElseThrow(() -> notFound(id));
        if (!roles.isExpertOrAdmin(viewer) && !approval.approver().equals(viewer)
                && !approval.requestedBy().equals(viewer)) {
            throw notFound(id);
        }
        return view(approval);
    }

    Approval get(String id) {
        return approvals.find(id).orElseThrow(() -> notFound(id));
    }

    private Duration validity(String dueIn) {
        if (dueIn == null || dueIn.isBlank()) {
            return properties.validity();
        }
        Duration duration;
        try {
            duration = Duration.parse(dueIn.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("dueIn", "dueIn must be an ISO-8601 duration (P5D, PT12H), not '" + dueIn + "'");
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(properties.maxValidity()) > 0) {
            throw new InvalidInputException("dueIn", "dueIn must be positive and at most " + properties.maxValidity());
        }
        return duration;
    }

    private static String required(String field, String value, int max) {
        String text = optional(field, value, max);
        if (text == null) {
            throw new InvalidInputException(field, field + " is required");
        }
        return text;
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (text.length() > max) {
            throw new InvalidInputException(field, field + " is longer than " + max + " characters");
        }
        return text;
    }

    private ApprovalView view(Approval approval) {
        return ApprovalView.of(approval, nameOf(approval.approver()));
    }

    private String link(String id) {
        return properties.publicBaseUrl() + "/approvals/" + token(id);
    }

    private String token(String id) {
        return LinkTokens.token(properties.linkSecret(), TOKEN_PURPOSE, id);
    }

    private String nameOf(String userId) {
        return people.find(userId).map(Person::name).orElse(userId);
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("There is no approval " + id);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
