package org.gatehouse.tickets;

import static org.gatehouse.platform.ProcessVariables.actor;
import static org.gatehouse.tickets.TicketProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gatehouse.platform.TrustedCalls;
import org.springframework.stereotype.Component;

/**
 * The expert finished the handling task, in Tasklist or over the API: the ticket records the reply and the decision
 * ({@link TicketHandling#handled}); bad input, or resolving while an approval asked on it is open, is refused and the
 * task stays open.
 */
@Component("applyTicketAction")
class ApplyTicketActionDelegate implements JavaDelegate {

    private final TicketHandling handling;
    private final TicketService tickets;

    ApplyTicketActionDelegate(TicketHandling handling, TicketService tickets) {
        this.handling = handling;
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // the approvals asked on this ticket that still wait for their answer, in this instance
        long openApprovals = execution.getProcessEngineServices().getRuntimeService().createExecutionQuery()
                .processInstanceId(execution.getProcessInstanceId()).activityId(ACTIVITY_APPROVAL).count();
        Ticket ticket = handling.handled(OwnTicket.of(execution, tickets), ACTION.from(execution),
                REPLY.from(execution), actor(execution, HANDLED_BY), TrustedCalls.active() ? "API" : "TASKLIST",
                openApprovals > 0);
        STATUS.set(execution, ticket.status().name());
        // spent: the next handling form must not offer the same reply and decision again
        ACTION.remove(execution);
        REPLY.remove(execution);
    }
}
