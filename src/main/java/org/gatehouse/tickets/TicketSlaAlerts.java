package org.gatehouse.tickets;

import java.time.Clock;
import java.time.LocalDateTime;

import org.gatehouse.channels.MessageKind;
import org.gatehouse.channels.MessageTemplate;
import org.gatehouse.channels.Notifier;
import org.gatehouse.teams.Team;
import org.gatehouse.teams.TeamService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * C8: the warning before an SLA target falls due and the escalation of its breach, as the handling sub-process's
 * timers fire; each stays in the ticket's history.
 */
@Service
class TicketSlaAlerts {

    private final TicketService tickets;
    private final TicketRepository records;
    private final TeamService teams;
    private final Notifier notifier;
    private final Clock clock;

    TicketSlaAlerts(TicketService tickets, TicketRepository records, TeamService teams, Notifier notifier, Clock clock) {
        this.tickets = tickets;
        this.records = records;
        this.teams = teams;
        this.notifier = notifier;
        this.clock = clock;
    }

    /**
     * The warning before a breach goes to whoever holds the ticket, or its team; nothing happens when the clock has
     * stopped meanwhile (answered, resolved, paused).
     */
    @Transactional
    public boolean warn(long id, SlaClock sla) {
        Ticket ticket = tickets.get(id);
        if (!sla.runsOn(ticket)) {
            return false;
        }
        MessageTemplate text = message("sla-warning", ticket, sla);
        if (ticket.assignee() != null) {
            notifier.notifyUser(ticket.assignee(), MessageKind.REMINDER, text);
        } else {
            notifier.notifyGroup(Team.groupOf(ticket.team()), MessageKind.REMINDER, text);
        }
        records.event(id, "SLA_WARNING", TicketService.GATEHOUSE, describe(sla), now());
        return true;
    }

    /** A breach is kept on the ticket and escalated to the team's lead (its members when it has none). */
    @Transactional
    public boolean escalate(long id, SlaClock sla) {
        Ticket ticket = tickets.get(id);
        if (!sla.runsOn(ticket) || !records.breach(id, sla, now())) {
            return false;
        }
        Team team = teams.find(ticket.team()).orElseThrow();
        MessageTemplate text = message("sla-breach", ticket, sla).with("holder", ticket.assignee() == null
                ? ", and nobody holds it." : "; " + tickets.nameOf(ticket.assignee()) + " holds it.");
        if (team.lead() != null) {
            notifier.notifyUser(team.lead(), MessageKind.REMINDER, text);
        } else {
            notifier.notifyGroup(team.group(), MessageKind.REMINDER, text);
        }
        records.event(id, "SLA_BREACH", TicketService.GATEHOUSE, describe(sla), now());
        return true;
    }

    private static MessageTemplate message(String template, Ticket ticket, SlaClock sla) {
        return MessageTemplate.of(template, ticket.processInstanceId()).with("ticket", ticket.reference())
                .with("subject", ticket.subject()).with("target", describe(sla)).with("due", due(ticket, sla));
    }

    private static LocalDateTime due(Ticket ticket, SlaClock sla) {
        return (sla == SlaClock.FIRST_RESPONSE ? ticket.firstResponseDue() : ticket.resolutionDue()).withNano(0);
    }

    private static String describe(SlaClock sla) {
        return sla == SlaClock.FIRST_RESPONSE ? "first-response" : "resolution";
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
