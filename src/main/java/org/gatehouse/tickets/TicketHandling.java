package org.gatehouse.tickets;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.InvalidInputException;
import org.gatehouse.platform.RefusedStepException;
import org.gatehouse.teams.Team;
import org.gatehouse.teams.TeamService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A ticket's way from filing to closing (C1, C3, C4, C8): opened, routed or triaged to a team, taken up by an expert,
 * answered, held for an approval, resolved or left waiting for the requester, reopened, closed. Every status change
 * goes through {@link TicketRepository#changeStatus}, which checks the table of {@link Ticket.Status} and records it.
 */
@Service
class TicketHandling {

    private final TicketService tickets;
    private final TicketConversation conversation;
    private final TicketCollaborators collaborators;
    private final TicketRepository records;
    private final TeamService teams;
    private final Clock clock;

    TicketHandling(TicketService tickets, TicketConversation conversation, TicketCollaborators collaborators,
            TicketRepository records, TeamService teams, Clock clock) {
        this.tickets = tickets;
        this.conversation = conversation;
        this.collaborators = collaborators;
        this.records = records;
        this.teams = teams;
        this.clock = clock;
    }

    /**
     * Opens a ticket with the requester's first message and a receipt to them, which tells them the ticket's
     * reference. Bad input throws before anything is stored.
     */
    @Transactional
    public Ticket open(NewTicket draft) {
        String body = conversation.body(draft.body());
        String subject = subject(draft.subject(), body);
        String category = category(draft.category());
        LocalDateTime now = now();
        long id = records.insert(subject, category, draft.channel(), draft.requesterId(), draft.requesterAddress(),
                draft.requesterName(), draft.createdBy(), now);
        records.event(id, "CREATED", draft.createdBy(), "through " + draft.channel(), now);
        if (!draft.createdBy().equals(draft.requesterId())) {
            records.event(id, "FILED_ON_BEHALF", draft.createdBy(), "for " + draft.requesterAddress(), now);
        }
        Ticket ticket = tickets.get(id);
        conversation.begin(ticket, draft, body, now);
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
            records.event(id, "UNROUTED", actor, teamSlug == null ? "no routing rule matched: to triage"
                    : "the routing named the unknown team '" + teamSlug + "': to triage", now);
            return new Routing(null, tickets.get(id));
        }
        records.route(id, team.get().slug(), now, Sla.start(team.get(), now));
        records.event(id, "ROUTED", actor, "to " + team.get().slug(), now);
        return new Routing(team.get().group(), tickets.get(id));
    }

    /** Triage: an expert names the team; an unknown one is refused, so the task stays open. */
    @Transactional
    public Routing triage(long id, String teamSlug, String expert) {
        tickets.requireExpert(expert);
        return route(id, existingTeam(teamSlug, "team").slug(), expert);
    }

    /**
     * The teams a form's select offers, one a line as {@code slug=name} (the form reads them with FEEL), but for
     * {@code except}: the team that has the ticket, or null in triage.
     */
    String teamChoices(String except) {
        return teams.all().stream().filter(team -> !team.slug().equals(except))
                .map(team -> team.slug() + "=" + team.name().replaceAll("\\R", " "))
                .collect(Collectors.joining("\n"));
    }

    /**
     * An expert hands the ticket to another team: the handling task goes to that team's members, none of whom holds
     * it yet; its status and SLA due times stay as they are (the requester's wait does not start again). Refused for
     * an unknown team, the team that has it, a ticket in triage (triage names its team) or one no longer with the
     * experts.
     */
    @Transactional
    public Ticket transfer(long id, String teamSlug, String expert) {
        tickets.requireExpert(expert);
        Ticket ticket = tickets.get(id);
        ticket.requireNotClosed();
        if (ticket.team() == null) {
            throw new ConflictException("team", ticket.reference() + " is in triage: choose its team there");
        }
        if (!ticket.status().inHand()) {
            throw new ConflictException("status", ticket.reference() + " is " + ticket.status()
                    + ": a ticket moves to another team while the experts have it");
        }
        Team team = existingTeam(teamSlug, "team");
        if (team.slug().equals(ticket.team())) {
            throw new InvalidInputException("team", ticket.reference() + " is already with " + team.slug());
        }
        LocalDateTime now = now();
        records.transfer(id, team.slug(), now);
        records.event(id, "TRANSFERRED", expert, ticket.team() + " -> " + team.slug(), now);
        return tickets.get(id);
    }

    /** What an expert decides when the handling task completes: the values of {@code ticketAction}. */
    public enum Action {
        RESOLVE, WAIT_FOR_REQUESTER,
        /** The ticket stays with the experts: the handling task comes back (to the new team after a transfer). */
        KEEP
    }

    /**
     * The expert finished the handling task (its form, or the API): the collaborator joins, the note and the reply
     * are recorded for delivery, the ticket moves to the team it is transferred to, and it becomes RESOLVED, PENDING
     * while it waits for the requester (which needs a question to them), or stays as it is with the experts. All of
     * it goes through the guards of the API's own calls, in one transaction: one refusal refuses the lot. A ticket is
     * not resolved while an approval asked on it waits for its answer (its answer is part of the outcome), nor in the
     * same breath as it is transferred (the new team resolves it).
     */
    @Transactional
    public Ticket handled(long id, HandlingSubmission submitted, String expert, String via, boolean approvalOpen) {
        Action decided;
        try {
            decided = Action.valueOf(submitted.action() == null ? "" : submitted.action());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("ticketAction", "ticketAction must be RESOLVE, WAIT_FOR_REQUESTER or KEEP");
        }
        if (decided == Action.RESOLVE && approvalOpen) {
            throw new ConflictException("ticketAction", "An approval asked on this ticket waits for its answer: "
                    + "resolve the ticket once it is answered or has expired");
        }
        if (decided == Action.RESOLVE && submitted.transferTo() != null) {
            throw new InvalidInputException("transferTo", "Transfer the ticket or resolve it, not both: the team it "
                    + "goes to resolves it");
        }
        if (decided == Action.WAIT_FOR_REQUESTER && submitted.reply() == null) {
            throw new InvalidInputException("reply", "Tell the requester what you are waiting for");
        }
        if (decided == Action.KEEP && submitted.isEmpty()) {
            throw new InvalidInputException("ticketAction", "Nothing to record: reply, write a note, add a "
                    + "collaborator or transfer the ticket, or resolve it or wait for the requester");
        }
        // the collaborator first, so that the note and the reply reach them too
        if (submitted.collaborator() != null) {
            collaborators.add(id, submitted.collaborator(), expert);
        }
        if (submitted.note() != null) {
            conversation.note(id, expert, submitted.note(), via);
        }
        if (submitted.reply() != null) {
            reply(id, expert, submitted.reply(), via);
        }
        if (submitted.transferTo() != null) {
            transfer(id, submitted.transferTo(), expert);
        }
        return switch (decided) {
            case KEEP -> tickets.get(id);
            case WAIT_FOR_REQUESTER -> move(tickets.get(id), Ticket.Status.PENDING, expert);
            case RESOLVE -> move(tickets.get(id), Ticket.Status.RESOLVED, expert);
        };
    }

    /** An expert's reply stops the first-response clock and takes a NEW ticket up. */
    @Transactional
    public TicketMessage reply(long id, String expert, String text, String via) {
        TicketMessage message = conversation.reply(id, expert, text, via);
        LocalDateTime now = now();
        records.firstResponse(id, now);
        takenUp(tickets.get(id), expert, now);
        return message;
    }

    /** Whoever holds the handling task holds the ticket; claiming it takes a NEW ticket up. */
    @Transactional
    public void assigned(long id, String assignee) {
        LocalDateTime now = now();
        records.assign(id, assignee, now);
        if (assignee != null) {
            records.event(id, "ASSIGNED", assignee, null, now);
            takenUp(tickets.get(id), assignee, now);
        }
    }

    /** An expert asks for an approval: the ticket waits on it. */
    @Transactional
    public Ticket hold(long id, String expert) {
        tickets.requireExpert(expert);
        Ticket ticket = tickets.get(id);
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
        Ticket ticket = tickets.get(id);
        conversation.approvalNote(id, approver, outcome, comment);
        records.event(id, "APPROVAL", approver == null ? TicketService.GATEHOUSE : approver, outcome, now());
        if (ticket.status().waitsForApproval()) {
            move(ticket, Ticket.Status.OPEN, TicketService.GATEHOUSE);
        }
        return conversation.transcript(id);
    }

    /**
     * The requester answered: a pending ticket resumes (its resolution clock shifted by the pause), a resolved one
     * reopens.
     */
    @Transactional
    public Ticket reopen(long id, String actor) {
        Ticket ticket = tickets.get(id);
        if (!ticket.status().waitsForRequester()) {
            throw RefusedStepException.precondition(Ticket.RECORD, ticket.reference(), "it is " + ticket.status()
                    + ": it does not wait for the requester");
        }
        move(ticket, Ticket.Status.OPEN, actor);
        LocalDateTime now = now();
        Sla.Deadline resolution = Sla.resumed(teams.find(ticket.team()).orElseThrow(), ticket, now);
        records.resolutionClock(id, resolution.due(), resolution.warn(), now);
        return tickets.get(id);
    }

    /**
     * A pending ticket's requester has not answered: Gatehouse asks again, as a reply on the ticket, so it reaches them
     * in the ticket's own thread and their answer comes back to the ticket. Refused once the ticket no longer waits
     * for their answer to a question.
     */
    @Transactional
    public TicketMessage remindRequester(long id, String text) {
        Ticket ticket = tickets.get(id);
        if (!ticket.status().pausesSla()) {
            throw RefusedStepException.precondition(Ticket.RECORD, ticket.reference(), "it is " + ticket.status()
                    + ": it does not wait for the requester's answer");
        }
        TicketMessage reminder = conversation.reminder(ticket, text);
        records.event(id, "REMINDED", TicketService.GATEHOUSE, "the requester", now());
        return reminder;
    }

    /**
     * Closes a resolved ticket nobody reopened, or a pending one whose requester never answered; its collaborators
     * lose their part in it (C9).
     */
    @Transactional
    public Ticket close(long id) {
        Ticket closed = move(tickets.get(id), Ticket.Status.CLOSED, TicketService.GATEHOUSE);
        collaborators.ticketClosed(id);
        return closed;
    }

    /** A step that needs the ticket moved: refused when a concurrent step moved it first. */
    private Ticket move(Ticket ticket, Ticket.Status to, String actor) {
        if (!records.changeStatus(ticket, to, actor, now())) {
            throw RefusedStepException.stale(Ticket.RECORD, ticket.reference(), ticket.status());
        }
        return tickets.get(ticket.id());
    }

    /**
     * An expert took the ticket up (claimed it, replied): a NEW ticket is OPEN; any other stays as it is, and so does
     * one that another expert took up at the same moment.
     */
    private void takenUp(Ticket ticket, String expert, LocalDateTime now) {
        if (ticket.status().notTakenUp()) {
            records.changeStatus(ticket, Ticket.Status.OPEN, expert, now);
        }
    }

    /** A message without a subject takes the start of its first line. */
    private static String subject(String subject, String body) {
        String text = subject == null || subject.isBlank() ? body.lines().findFirst().orElse("") : subject.strip();
        return text.length() > 200 ? text.substring(0, 197) + "..." : text;
    }

    /** The team a person named, where {@code field} names it; an unknown one is refused with the teams there are. */
    private Team existingTeam(String slug, String field) {
        return teams.find(slug).orElseThrow(() -> new InvalidInputException(field,
                "There is no team '" + slug + "'; the teams are " + teams.all().stream().map(Team::slug).toList()));
    }

    private String category(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        return existingTeam(category.trim().toLowerCase(Locale.ROOT), "category").slug();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
