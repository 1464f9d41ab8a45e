package org.gatehouse.tickets;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gatehouse.approvals.Approval;
import org.gatehouse.channels.MessageKind;
import org.gatehouse.channels.Notifier;
import org.gatehouse.directory.Person;
import org.gatehouse.directory.PersonService;
import org.gatehouse.directory.RequesterProfiles;
import org.gatehouse.directory.RoleService;
import org.gatehouse.teams.Team;
import org.gatehouse.teams.TeamService;
import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.InvalidInputException;
import org.gatehouse.platform.NotFoundException;
import org.gatehouse.platform.RefusedStepException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of a ticket's life (C1-C4, C9, C11): who may see and do what, which status may follow which, the SLA
 * clocks in the team's business hours, and what is to be delivered to whom. The process drives it; it never calls the
 * engine itself ({@link TicketWorkflow} does).
 */
@Service
public class TicketService {

    static final String GATEHOUSE = "gatehouse";
    /** How much of the conversation the handling form shows, newest first: it is an engine variable. */
    static final int TRANSCRIPT_LENGTH = TicketProcess.MAX_STRING - 200;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final TicketRepository tickets;
    private final ConversationRepository conversation;
    private final TeamService teams;
    private final PersonService people;
    private final RoleService roles;
    private final RequesterProfiles profiles;
    private final Notifier notifier;
    private final TicketProperties properties;
    private final Clock clock;

    TicketService(TicketRepository tickets, ConversationRepository conversation, TeamService teams, PersonService people,
            RoleService roles, RequesterProfiles profiles, Notifier notifier, TicketProperties properties, Clock clock) {
        this.tickets = tickets;
        this.conversation = conversation;
        this.teams = teams;
        this.people = people;
        this.roles = roles;
        this.profiles = profiles;
        this.notifier = notifier;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Opens a ticket with the requester's first message and a receipt to them, which tells them the ticket's
     * reference. Bad input throws before anything is stored.
     */
    @Transactional
    public Ticket open(NewTicket draft) {
        String body = body(draft.body());
        String subject = subject(draft.subject(), body);
        String category = category(draft.category());
        LocalDateTime now = now();
        long id = tickets.insert(subject, category, draft.channel(), draft.requesterId(), draft.requesterAddress(),
                draft.requesterName(), draft.createdBy(), now);
        conversation.insertMessage(id, TicketMessage.Kind.REQUEST, draft.requesterAddress(), draft.requesterName(), body,
                draft.channel().name(), draft.origin(), now);
        tickets.event(id, "CREATED", draft.createdBy(), "through " + draft.channel(), now);
        if (!draft.createdBy().equals(draft.requesterId())) {
            tickets.event(id, "FILED_ON_BEHALF", draft.createdBy(), "for " + draft.requesterAddress(), now);
        }
        Ticket ticket = get(id);
        post(ticket, TicketMessage.Kind.REPLY, GATEHOUSE, "Gatehouse", "We received your request " + ticket.reference()
                + ". An expert will answer here; to add something, answer this message.", draft.channel().name(),
                Origin.none());
        return ticket;
    }

    /**
     * Gives the ticket to the team the routing named and starts its SLA clocks; a team that does not exist (a rule
     * naming a team since removed) or no team at all leaves it to triage.
     */
    @Transactional
    public Routing route(long id, String teamSlug, String actor) {
        Optional<Team> team = teams.find(teamSlug);
        LocalDateTime now = now();
        if (team.isEmpty()) {
            tickets.event(id, "UNROUTED", actor, teamSlug == null ? "no routing rule matched: to triage"
                    : "the routing named the unknown team '" + teamSlug + "': to triage", now);
            return new Routing(null, get(id), String.join(", ", teams.all().stream()
                    .map(t -> t.slug() + " (" + t.name() + ")").toList()));
        }
        tickets.route(id, team.get().slug(), now, Sla.start(team.get(), now));
        tickets.event(id, "ROUTED", actor, "to " + team.get().slug(), now);
        return new Routing(team.get().group(), get(id), null);
    }

    /** Triage: an expert names the team; an unknown one is refused, so the task stays open. */
    @Transactional
    public Routing triage(long id, String teamSlug, String expert) {
        requireExpert(expert);
        Team team = teams.find(teamSlug).orElseThrow(() -> new InvalidInputException("team",
                "There is no team '" + teamSlug + "'; the teams are " + teams.all().stream().map(Team::slug).toList()));
        return route(id, team.slug(), expert);
    }

    /** What an expert decides when the handling task completes: the values of {@code ticketAction}. */
    public enum Handling { RESOLVE, WAIT_FOR_REQUESTER }

    /**
     * The expert finished the handling task: the reply, if any, is recorded for delivery, and the ticket becomes
     * RESOLVED, or PENDING while it waits for the requester, which needs a question to them.
     */
    @Transactional
    public Ticket handled(long id, String action, String reply, String expert, String via) {
        Handling handling;
        try {
            handling = Handling.valueOf(action == null ? "" : action);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("ticketAction", "ticketAction must be RESOLVE or WAIT_FOR_REQUESTER");
        }
        boolean hasReply = reply != null && !reply.isBlank();
        if (handling == Handling.WAIT_FOR_REQUESTER && !hasReply) {
            throw new InvalidInputException("reply", "Tell the requester what you are waiting for");
        }
        if (hasReply) {
            reply(id, expert, reply, via);
        }
        return move(get(id), handling == Handling.WAIT_FOR_REQUESTER ? Ticket.Status.PENDING : Ticket.Status.RESOLVED,
                expert);
    }

    /** C11: a reply goes to the requester, through the ticket's channel, and to its collaborators. */
    @Transactional
    public TicketMessage reply(long id, String expert, String text, String via) {
        requireExpert(expert);
        Ticket ticket = get(id);
        ticket.requireNotClosed();
        TicketMessage message = post(ticket, TicketMessage.Kind.REPLY, expert, nameOf(expert), body(text), via,
                Origin.none());
        LocalDateTime now = now();
        tickets.firstResponse(id, now);
        takenUp(ticket, expert, now);
        return message;
    }

    /** C11: an internal note: experts see it, and the ticket's collaborators receive it; the requester never does. */
    @Transactional
    public TicketMessage note(long id, String expert, String text) {
        requireExpert(expert);
        Ticket ticket = get(id);
        ticket.requireNotClosed();
        return post(ticket, TicketMessage.Kind.NOTE, expert, nameOf(expert), body(text), "API", Origin.none());
    }

    /**
     * The requester writes again. On a closed ticket it is refused: the reopen window is over, and a new message
     * opens a new ticket.
     */
    @Transactional
    public TicketMessage fromRequester(long id, String author, String authorName, String text, ContactChannel via,
            Origin origin) {
        Ticket ticket = get(id);
        ticket.requireNotClosed();
        return post(ticket, TicketMessage.Kind.ANSWER, author, authorName, body(text), via.name(), origin);
    }

    /** C9: a collaborator's answer by e-mail is part of the internal conversation. */
    @Transactional
    public TicketMessage fromCollaborator(long id, String email, String text, Origin origin) {
        Ticket ticket = get(id);
        ticket.requireNotClosed();
        if (!conversation.collaborators(id).contains(email)) {
            throw new ForbiddenException(email + " takes no part in " + ticket.reference());
        }
        return post(ticket, TicketMessage.Kind.NOTE, email, email, body(text), ContactChannel.EMAIL.name(), origin);
    }

    /** Who {@code address} is to the ticket: its requester, one of its collaborators, or nobody. */
    public Participant participant(long id, String address) {
        Ticket ticket = get(id);
        if (address.equalsIgnoreCase(ticket.requesterAddress())
                || ticket.requesterId() != null && people.find(ticket.requesterId()).map(Person::email)
                        .filter(address::equalsIgnoreCase).isPresent()) {
            return Participant.REQUESTER;
        }
        return conversation.collaborators(id).contains(address.toLowerCase(Locale.ROOT)) ? Participant.COLLABORATOR
                : Participant.NONE;
    }

    public enum Participant { REQUESTER, COLLABORATOR, NONE }

    public Optional<Long> ticketOfThread(List<String> messageIds) {
        return conversation.ticketOfThread(messageIds);
    }

    /** A step that needs the ticket moved: refused when a concurrent step moved it first. */
    private Ticket move(Ticket ticket, Ticket.Status to, String actor) {
        if (!tickets.changeStatus(ticket, to, actor, now())) {
            throw RefusedStepException.stale(Ticket.RECORD, ticket.reference(), ticket.status());
        }
        return get(ticket.id());
    }

    /**
     * An expert took the ticket up (claimed it, replied): a NEW ticket is OPEN; any other stays as it is, and so does
     * one that another expert took up at the same moment.
     */
    private void takenUp(Ticket ticket, String expert, LocalDateTime now) {
        if (ticket.status().notTakenUp()) {
            tickets.changeStatus(ticket, Ticket.Status.OPEN, expert, now);
        }
    }

    /**
     * Refuses a step of {@code processInstanceId} on a ticket that belongs to another instance. A ticket is stored
     * before its process starts, so the first step of its instance binds it, once.
     */
    @Transactional
    public void requireProcess(long id, String processInstanceId) {
        Ticket ticket = get(id);
        RefusedStepException.requireOwner(Ticket.RECORD, ticket.reference(), ticket.processInstanceId(), processInstanceId,
                () -> tickets.bindProcessInstance(id, processInstanceId));
    }

    /** The requester answered: a pending ticket resumes (its resolution clock shifted by the pause), a resolved one reopens. */
    @Transactional
    public Ticket reopen(long id, String actor) {
        Ticket ticket = get(id);
        if (!ticket.status().waitsForRequester()) {
            throw RefusedStepException.precondition(Ticket.RECORD, ticket.reference(), "it is " + ticket.status()
                    + ": it does not wait for the requester");
        }
        Ticket moved = move(ticket, Ticket.Status.OPEN, actor);
        Team team = teams.find(ticket.team()).orElseThrow();
        BusinessHours hours = BusinessHours.of(team);
        LocalDateTime now = now();
        if (ticket.status() == Ticket.Status.PENDING && ticket.slaPausedAt() != null) {
            Duration paused = Sla.worked(hours, ticket.slaPausedAt(), now);
            tickets.resolutionClock(id, Sla.due(hours, ticket.resolutionDue(), paused),
                    Sla.due(hours, ticket.resolutionWarn(), paused), now);
        } else {
            Duration target = Duration.parse(team.resolutionTarget());
            tickets.resolutionClock(id, Sla.due(hours, now, target), Sla.warn(hours, now, target), now);
        }
        return get(moved.id());
    }

    /** Closes a resolved ticket; its collaborators lose their part in it (C9). */
    @Transactional
    public Ticket close(long id) {
        Ticket closed = move(get(id), Ticket.Status.CLOSED, GATEHOUSE);
        conversation.removeCollaborators(id, now());
        return closed;
    }

    /** An expert asks for an approval: the ticket waits on it. */
    @Transactional
    public Ticket hold(long id, String expert) {
        requireExpert(expert);
        Ticket ticket = get(id);
        if (ticket.status().waitsForApproval()) {
            return ticket;
        }
        return move(ticket, Ticket.Status.ON_HOLD, expert);
    }

    /**
     * The answer of an approval lands on the ticket as a note; the ticket goes on when it was waiting for it.
     *
     * @return the conversation as it stands now, for the handling form
     */
    @Transactional
    public String approvalAnswered(long id, String approver, String outcome, String comment) {
        Ticket ticket = get(id);
        String text = "Approval " + outcome.toLowerCase(Locale.ROOT) + (approver == null ? "" : " by " + nameOf(approver))
                + (comment == null || comment.isBlank() ? "" : ": " + comment);
        conversation.insertMessage(id, TicketMessage.Kind.NOTE, GATEHOUSE, "Gatehouse", text, "TASKLIST", Origin.none(), now());
        tickets.event(id, "APPROVAL", approver == null ? GATEHOUSE : approver, outcome, now());
        if (ticket.status().waitsForApproval()) {
            move(ticket, Ticket.Status.OPEN, GATEHOUSE);
        }
        return transcript(id);
    }

    @Transactional
    public void assigned(long id, String assignee) {
        LocalDateTime now = now();
        tickets.assign(id, assignee, now);
        if (assignee != null) {
            tickets.event(id, "ASSIGNED", assignee, null, now);
            takenUp(get(id), assignee, now);
        }
    }

    /**
     * The warning before a breach goes to whoever holds the ticket, or its team; nothing happens when the clock has
     * stopped meanwhile (answered, resolved, paused).
     */
    @Transactional
    public boolean warn(long id, SlaClock clock) {
        Ticket ticket = get(id);
        if (!running(ticket, clock)) {
            return false;
        }
        String text = "[" + ticket.reference() + "] " + ticket.subject() + ": the " + describe(clock) + " target is due at "
                + due(ticket, clock) + " UTC.";
        if (ticket.assignee() != null) {
            notifier.notifyUser(ticket.assignee(), MessageKind.REMINDER, text);
        } else {
            notifier.notifyGroup(Team.groupOf(ticket.team()), MessageKind.REMINDER, text);
        }
        tickets.event(id, "SLA_WARNING", GATEHOUSE, describe(clock), now());
        return true;
    }

    /** A breach is kept on the ticket and escalated to the team's lead (its members when it has none). */
    @Transactional
    public boolean escalate(long id, SlaClock clock) {
        Ticket ticket = get(id);
        if (!running(ticket, clock) || !tickets.breach(id, clock, now())) {
            return false;
        }
        Team team = teams.find(ticket.team()).orElseThrow();
        String text = "[" + ticket.reference() + "] " + ticket.subject() + " breached its " + describe(clock)
                + " target (due " + due(ticket, clock) + " UTC)" + (ticket.assignee() == null ? ", and nobody holds it."
                : "; " + nameOf(ticket.assignee()) + " holds it.");
        if (team.lead() != null) {
            notifier.notifyUser(team.lead(), MessageKind.REMINDER, text);
        } else {
            notifier.notifyGroup(team.group(), MessageKind.REMINDER, text);
        }
        tickets.event(id, "SLA_BREACH", GATEHOUSE, describe(clock), now());
        return true;
    }

    /** C9: an expert lets an outside address take part in this ticket only. */
    @Transactional
    public List<String> addCollaborator(long id, String email, String expert) {
        requireExpert(expert);
        Ticket ticket = get(id);
        ticket.requireNotClosed();
        String address = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(address).matches() || address.length() > 320) {
            throw new InvalidInputException("email", "'" + email + "' is not an e-mail address");
        }
        if (people.findByEmail(address).filter(p -> p.kind() == Person.Kind.EMPLOYEE).isPresent()) {
            throw new ConflictException("email", address + " is an employee: collaborators are outside people");
        }
        if (conversation.addCollaborator(id, address, expert, now())) {
            tickets.event(id, "COLLABORATOR_ADDED", expert, address, now());
        }
        return conversation.collaborators(id);
    }

    @Transactional
    public List<String> removeCollaborator(long id, String email, String expert) {
        requireExpert(expert);
        String address = email.trim().toLowerCase(Locale.ROOT);
        if (!conversation.removeCollaborator(id, address, now())) {
            throw new NotFoundException(address + " takes no part in " + get(id).reference());
        }
        tickets.event(id, "COLLABORATOR_REMOVED", expert, address, now());
        return conversation.collaborators(id);
    }

    /** C4: an expert names another requester; the change, who made it and when stay on the ticket. */
    @Transactional
    public Ticket changeRequester(long id, String requesterId, String reason, String expert) {
        requireExpert(expert);
        Ticket ticket = get(id);
        ticket.requireNotClosed();
        Person person = people.find(requesterId == null ? "" : requesterId.trim()).filter(Person::active)
                .orElseThrow(() -> new InvalidInputException("requester", "There is no active person '" + requesterId + "'"));
        if (person.id().equals(ticket.requesterId())) {
            throw new ConflictException("requester", person.id() + " is the requester already");
        }
        // an e-mail ticket keeps answering by e-mail, to the new requester's address; any other goes to their chat
        ContactChannel channel = ticket.channel() == ContactChannel.EMAIL && person.email() != null ? ContactChannel.EMAIL
                : ticket.channel() == ContactChannel.EMAIL ? ContactChannel.API : ticket.channel();
        String address = channel == ContactChannel.EMAIL ? person.email() : person.id();
        LocalDateTime now = now();
        tickets.changeRequester(id, person.id(), address, person.name(), channel, now);
        tickets.event(id, "REQUESTER_CHANGED", expert, "from " + ticket.requesterAddress() + " to " + person.id()
                + (reason == null || reason.isBlank() ? "" : ": " + reason.trim()), now);
        return get(id);
    }

    public TicketView view(long id, String viewer) {
        Ticket ticket = find(id, viewer);
        boolean expert = roles.isExpertOrAdmin(viewer);
        List<TicketView.Message> messages = conversation.messages(id).stream()
                .filter(m -> expert || m.kind().seenByRequester()).map(TicketView.Message::of).toList();
        Map<String, String> requester = expert && ticket.requesterId() != null
                ? profiles.view(ticket.requesterId(), viewer) : null;
        return TicketView.of(ticket, messages, requester, expert ? conversation.collaborators(id) : List.of(),
                expert ? tickets.events(id) : List.of());
    }

    /** Experts see every ticket (C6); everyone else their own. */
    public List<TicketView.Summary> list(String viewer, Ticket.Status status, String team, int limit) {
        boolean expert = roles.isExpertOrAdmin(viewer);
        return tickets.list(expert ? null : viewer, status, team, Math.max(1, Math.min(limit, 500))).stream()
                .map(TicketView.Summary::of).toList();
    }

    /** The conversation as the handling form shows it: oldest first, notes marked. */
    public String transcript(long id) {
        List<TicketMessage> messages = conversation.messages(id);
        List<String> shown = new ArrayList<>();
        int length = 0;
        // the newest messages that fit; the variable is rewritten at every message (its history keeps no value)
        for (int i = messages.size() - 1; i >= 0; i--) {
            TicketMessage m = messages.get(i);
            String entry = m.createdAt().withNano(0) + " " + (m.authorName() == null ? m.author() : m.authorName())
                    + (m.kind() == TicketMessage.Kind.NOTE ? " (internal note)" : "") + ":\n" + m.body();
            int room = TRANSCRIPT_LENGTH - length;
            if (entry.length() > room) {
                // the beginning of the message that does not fit, when there is room enough to say something
                if (room > 200) {
                    shown.add(0, entry.substring(0, room) + " [...]");
                }
                break;
            }
            shown.add(0, entry);
            length += entry.length() + 2;
        }
        int earlier = messages.size() - shown.size();
        if (earlier > 0) {
            shown.add(0, "(" + earlier + " earlier messages: GET /api/tickets/" + id + ")");
        }
        return String.join("\n\n", shown);
    }

    public HandlingForm handlingForm(long id) {
        return new HandlingForm(transcript(id), requesterSummary(id));
    }

    /** The requester's permitted attributes (C2) for the handling form, one per line. */
    private String requesterSummary(long id) {
        Ticket ticket = get(id);
        if (ticket.requesterId() == null) {
            return ticket.requesterAddress() + " (not in the directory)";
        }
        List<String> lines = new ArrayList<>();
        profiles.forExperts(ticket.requesterId()).forEach((k, v) -> lines.add(k + ": " + (v == null ? "" : v)));
        return String.join("\n", lines);
    }

    public Ticket get(long id) {
        return tickets.find(id).orElseThrow(() -> notFound(id));
    }

    Ticket find(long id, String viewer) {
        Ticket ticket = get(id);
        if (!roles.isExpertOrAdmin(viewer) && !viewer.equals(ticket.requesterId())) {
            throw notFound(id);
        }
        return ticket;
    }

    public void requireExpert(String user) {
        if (user == null || !roles.isExpertOrAdmin(user)) {
            throw new ForbiddenException("Only experts handle tickets");
        }
    }

    /** Stores a message and, for every recipient it goes to, a delivery that the process carries out. */
    private TicketMessage post(Ticket ticket, TicketMessage.Kind kind, String author, String authorName, String body,
            String via, Origin origin) {
        long messageId = conversation.insertMessage(ticket.id(), kind, author, authorName, body, via, origin, now());
        if (kind == TicketMessage.Kind.REPLY) {
            conversation.insertDelivery(messageId, ticket.id(), ticket.channel(), ticket.requesterAddress());
        }
        if (kind == TicketMessage.Kind.REPLY || kind == TicketMessage.Kind.NOTE) {
            conversation.collaborators(ticket.id()).stream().filter(c -> !c.equalsIgnoreCase(author))
                    .forEach(c -> conversation.insertDelivery(messageId, ticket.id(), ContactChannel.EMAIL, c));
        }
        return conversation.message(messageId);
    }

    private static boolean running(Ticket ticket, SlaClock clock) {
        return clock == SlaClock.FIRST_RESPONSE ? ticket.firstRespondedAt() == null && ticket.status().inHand()
                : ticket.status().inHand();
    }

    private static LocalDateTime due(Ticket ticket, SlaClock clock) {
        return (clock == SlaClock.FIRST_RESPONSE ? ticket.firstResponseDue() : ticket.resolutionDue()).withNano(0);
    }

    private static String describe(SlaClock clock) {
        return clock == SlaClock.FIRST_RESPONSE ? "first-response" : "resolution";
    }

    private String body(String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new InvalidInputException("body", "The message is empty");
        }
        if (body.length() > properties.maxBodyLength()) {
            throw new InvalidInputException("body", "The message is longer than " + properties.maxBodyLength()
                    + " characters");
        }
        return body;
    }

    /** A message without a subject takes the start of its first line. */
    private static String subject(String subject, String body) {
        String text = subject == null || subject.isBlank() ? body.lines().findFirst().orElse("") : subject.strip();
        return text.length() > 200 ? text.substring(0, 197) + "..." : text;
    }

    private String category(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        String slug = category.trim().toLowerCase(Locale.ROOT);
        if (teams.find(slug).isEmpty()) {
            throw new InvalidInputException("category", "There is no team '" + category + "'; the teams are "
                    + teams.all().stream().map(Team::slug).toList());
        }
        return slug;
    }

    private String nameOf(String userId) {
        return people.find(userId).map(Person::name).orElse(userId);
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("There is no ticket " + Ticket.reference(id));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
