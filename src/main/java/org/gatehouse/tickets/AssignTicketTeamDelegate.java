package org.gatehouse.tickets;

import static org.gatehouse.tickets.TicketProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After the routing decision: the ticket goes to the team it named, whose group gets the handling task, or to triage
 * when it named none or one that does not exist.
 */
@Component("assignTicketTeam")
class AssignTicketTeamDelegate implements JavaDelegate {

    private final TicketHandling handling;
    private final TicketService tickets;

    AssignTicketTeamDelegate(TicketHandling handling, TicketService tickets) {
        this.handling = handling;
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SlaTimers.set(execution, handling.route(OwnTicket.of(execution, tickets), ROUTED_TEAM.from(execution),
                TicketService.GATEHOUSE));
    }
}
