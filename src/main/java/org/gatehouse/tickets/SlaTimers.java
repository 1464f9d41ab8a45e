package org.gatehouse.tickets;

import static org.gatehouse.tickets.TicketProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The handling sub-process's SLA timers read their dates from these variables, set whenever the clocks (re)start,
 * and its task goes to the team's group.
 */
final class SlaTimers {

    private SlaTimers() {
    }

    static void set(DelegateExecution execution, Routing routing) {
        TEAM_GROUP.set(execution, routing.teamGroup());
        set(execution, routing.ticket());
    }

    static void set(DelegateExecution execution, Ticket ticket) {
        FIRST_RESPONSE_WARN_AT.set(execution, ticket.firstResponseWarn());
        FIRST_RESPONSE_DUE_AT.set(execution, ticket.firstResponseDue());
        RESOLUTION_WARN_AT.set(execution, ticket.resolutionWarn());
        RESOLUTION_DUE_AT.set(execution, ticket.resolutionDue());
    }
}
