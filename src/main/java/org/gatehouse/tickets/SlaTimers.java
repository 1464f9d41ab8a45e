package org.gatehouse.tickets;

import static org.gatehouse.tickets.TicketProcess.*;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The handling sub-process's SLA timers read their dates from these variables, set whenever the clocks (re)start,
 * and its task goes to the team's group.
 */
final class SlaTimers {

    private SlaTimers() {
    }

    static void set(DelegateExecution execution, Routing routing) {
        execution.setVariable(TEAM_GROUP, routing.teamGroup());
        set(execution, routing.ticket());
    }

    static void set(DelegateExecution execution, Ticket ticket) {
        execution.setVariable(FIRST_RESPONSE_WARN_AT, date(ticket.firstResponseWarn()));
        execution.setVariable(FIRST_RESPONSE_DUE_AT, date(ticket.firstResponseDue()));
        execution.setVariable(RESOLUTION_WARN_AT, date(ticket.resolutionWarn()));
        execution.setVariable(RESOLUTION_DUE_AT, date(ticket.resolutionDue()));
    }

    private static Date date(LocalDateTime utc) {
        return utc == null ? null : Date.from(utc.toInstant(ZoneOffset.UTC));
    }
}
