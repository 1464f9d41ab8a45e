package org.gatehouse.approvals;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.gatehouse.channels.MessageKind;
import org.gatehouse.channels.MessageTemplate;
import org.gatehouse.channels.Notifier;
import org.gatehouse.directory.Person;
import org.gatehouse.directory.PersonService;
import org.gatehouse.directory.RoleService;
import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.InvalidInputException;
import org.gatehouse.platform.LinkKind;
import org.gatehouse.platform.NotFoundException;
import org.gatehouse.platform.RefusedStepException;
import org.gatehouse.platform.SingleUseLinks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approval requests (the exception of C5): an expert asks an active employee, imported ones included, to approve
 * something; the answer comes from Tasklist or from a single-use link and lands on the caller (a ticket).
 */
@Service
public class ApprovalService {

    static final LinkKind LINK = new LinkKind("approval", "/approvals/", "approval");

    private final ApprovalRepository approvals;
    private final PersonService people;
    private final RoleService roles;
    private final Notifier notifier;
    private final SingleUseLinks links;
    private final Clock clock;

    ApprovalService(ApprovalRepository approvals, PersonService people, RoleService roles, Notifier notifier,
            SingleUseLinks links, Clock clock) {
        this.approvals = approvals;
        this.people = people;
        this.roles = roles;
        this.notifier = notifier;
        this.links = links;
        this.clock = clock;
    }

    /**
     * Records a pending approval after checking that {@code requestedBy} is an expert or admin, that the approver is
     * an active employee and someone else, and that the subject and due time make sense. The approval belongs to the
     * process instance that registers it. Bad input throws before anything is stored.
     *
     * @param dueIn  the caller's due time, or null for the model's default
     * @param limits the model's default and longest due time
     */
    @Transactional
    public ApprovalView register(String id, String approver, String requestedBy, String subject, String details,
            String subjectRef, String dueIn, DueTimes limits, String processInstanceId) {
        DueTimes model = limits.checked();
        if (requestedBy == null || !roles.isExpertOrAdmin(requestedBy)) {
            throw new ForbiddenException("Only experts and admins ask for approvals");
        }
        Person person = people.activeEmployee("approver", approver, requestedBy, "approve",
                "Nobody approves their own request");
        String title = required("subject", subject, 200);
        String text = optional("details", details, 4000);
        String ref = optional("subjectRef", subjectRef, 200);
        LocalDateTime now = now();
        approvals.insert(id, person.id(), requestedBy, title, text, ref, links.issue(LINK, id).hash(),
                now.plus(model.validity(dueIn)), processInstanceId, now);
        return view(get(id));
    }

    /** The request goes to the approver through the chat platform, with the link; Tasklist has the same task. */
    public void send(String id, String processInstanceId) {
        Approval approval = owned(id, processInstanceId);
        approval.requirePending("there is nothing to ask");
        notifier.notifyUser(approval.approver(), MessageKind.APPROVAL_REQUEST, message("approval-request", approval, processInstanceId));
    }

    /** A reminder asks for the same decision, so it is an approval request too: it reaches imported employees (C5). */
    @Transactional
    public void remind(String id, String processInstanceId) {
        Approval approval = owned(id, processInstanceId);
        approvals.remindIfPending(approval, () -> notifier.notifyUser(approval.approver(), MessageKind.APPROVAL_REQUEST,
                message("approval-reminder", approval, processInstanceId)), now());
    }

    /**
     * The approver's answer in their own Tasklist task: only the named approver answers, whoever else may complete
     * the task (an admin, the requester). Recorded here, never read from process variables later.
     */
    @Transactional
    public void answerInTasklist(String id, String processInstanceId, String user, boolean approved, String comment) {
        Approval approval = owned(id, processInstanceId);
        if (!approval.approver().equals(user)) {
            throw new ForbiddenException(approval.requestedBy().equals(user) ? "Nobody approves their own request"
                    : "Only " + approval.approver() + " answers this approval");
        }
        answer(approval, approved, comment, Approval.Via.TASKLIST);
    }

    /** The approver's answer through the link: the token is their credential, and it is spent with the answer. */
    @Transactional
    public void answerByLink(Approval approval, boolean approved, String comment) {
        links.spend(LINK, now -> approvals.useToken(approval.id(), now));
        answer(approval, approved, comment, Approval.Via.LINK);
    }

    private void answer(Approval approval, boolean approved, String comment, Approval.Via via) {
        String text = optional("approvalComment", comment, 2000);
        LocalDateTime now = now();
        transition(approval, approved ? Approval.Status.APPROVED : Approval.Status.REJECTED, approval.approver(), via,
                text, now);
    }

    /** The answer as recorded by the link or the approver's task; refused while there is none. */
    public ApprovalView recordedAnswer(String id, String processInstanceId) {
        Approval approval = owned(id, processInstanceId);
        if (!approval.answered()) {
            throw RefusedStepException.precondition(approval.recordName(), id, "it is " + approval.status()
                    + ": the approver's answer is not recorded");
        }
        return view(approval);
    }

    /** Nobody answered in time: EXPIRED, only once the due time has passed. */
    @Transactional
    public ApprovalView expire(String id, String processInstanceId) {
        Approval approval = owned(id, processInstanceId);
        if (now().isBefore(approval.expiresAt())) {
            throw RefusedStepException.precondition(approval.recordName(), id, "it is due at " + approval.expiresAt() + " UTC");
        }
        transition(approval, Approval.Status.EXPIRED, null, null, null, null);
        return view(get(id));
    }

    private void transition(Approval approval, Approval.Status to, String answeredBy, Approval.Via via, String comment,
            LocalDateTime answeredAt) {
        approval.requireMayBecome(to);
        if (!approvals.transition(approval.id(), approval.status(), to, answeredBy, via, comment, answeredAt, now())) {
            throw RefusedStepException.stale(approval.recordName(), approval.id(), approval.status());
        }
    }

    /** The approval behind a link that still works; a made-up token is 404, a spent or expired one 409. */
    public Approval resolve(String token) {
        return links.open(LINK, token, approvals::findByTokenHash);
    }

    /** What the approver sees behind the link. */
    public LinkView linkView(Approval approval) {
        return new LinkView(people.nameOf(approval.approver()), people.nameOf(approval.requestedBy()), approval.subject(),
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

    /** The approval as recorded, for a reader the caller has let in: the auditors' trail. */
    public ApprovalView asRecorded(String id) {
        return view(get(id));
    }

    /** Every reminder of the approval, oldest first (its view names the last), for the auditors' trail. */
    public List<LocalDateTime> reminders(String id) {
        return approvals.reminders(id);
    }

    Approval get(String id) {
        return approvals.find(id).orElseThrow(() -> notFound(id));
    }

    /** The approval, for a step of {@code processInstanceId}: refused unless it belongs to that instance. */
    private Approval owned(String id, String processInstanceId) {
        return approvals.owned(get(id), processInstanceId);
    }

    /**
     * How long approvals stay open, as the model gives them to 'Register approval' (input parameters
     * {@code defaultDueIn} and {@code maxDueIn}): the process owner's, so a caller's {@code dueIn} is held to them.
     */
    public record DueTimes(Duration defaultDueIn, Duration maxDueIn) {

        /** Both within what a link may be ({@link SingleUseLinks#validity}), the default no longer than the longest. */
        DueTimes checked() {
            SingleUseLinks.validity(ApprovalProcess.MAX_DUE_IN.name(), maxDueIn);
            SingleUseLinks.validity(ApprovalProcess.DEFAULT_DUE_IN.name(), defaultDueIn);
            if (defaultDueIn.compareTo(maxDueIn) > 0) {
                throw new InvalidInputException(ApprovalProcess.DEFAULT_DUE_IN.name(), "defaultDueIn, the model's input "
                        + "parameter, must not be longer than maxDueIn (" + SingleUseLinks.inWords(maxDueIn) + ")");
            }
            return this;
        }

        /** The caller's due time, or the default when they name none. */
        Duration validity(String dueIn) {
            if (dueIn == null || dueIn.isBlank()) {
                return defaultDueIn;
            }
            Duration duration;
            try {
                duration = Duration.parse(dueIn.trim());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("dueIn", "dueIn must be an ISO-8601 duration (P5D, PT12H), not '" + dueIn
                        + "'");
            }
            if (duration.isNegative() || duration.isZero() || duration.compareTo(maxDueIn) > 0) {
                throw new InvalidInputException("dueIn", "dueIn must be positive and at most "
                        + SingleUseLinks.inWords(maxDueIn));
            }
            return duration;
        }
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
        return ApprovalView.of(approval, people.nameOf(approval.approver()));
    }

    private MessageTemplate message(String template, Approval approval, String processInstanceId) {
        return MessageTemplate.of(template, processInstanceId).with("requesterName", people.nameOf(approval.requestedBy()))
                .with("approverName", people.nameOf(approval.approver())).with("subject", approval.subject())
                .with("expiresAt", approval.expiresAt()).with("link", link(approval.id()));
    }

    private String link(String id) {
        return links.issue(LINK, id).url();
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("There is no approval " + id);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
