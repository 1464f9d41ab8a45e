package org.gatehouse.tickets;

import static org.gatehouse.platform.ProcessVariables.actor;
import static org.gatehouse.tickets.TicketProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * An expert chose the team in triage (Tasklist's signed-in user, or the API's caller). An unknown team is refused,
 * so the triage task stays open.
 */
@Component("assignTriagedTeam")
class AssignTriagedTeamDelegate implements JavaDelegate {

    private final TicketHandling handling;
    private final TicketService tickets;

    AssignTriagedTeamDelegate(TicketHandling handling, TicketService tickets) {
        this.handling = handling;
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SlaTimers.set(execution, handling.triage(OwnTicket.of(execution, tickets), ROUTED_TEAM.from(execution),
                actor(execution, HANDLED_BY)));
    }
}
