package org.gatehouse.tickets;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The requester answered a pending or resolved ticket: it is open again, with its SLA timers set anew. */
@Component("reopenTicket")
class ReopenTicketDelegate implements JavaDelegate {

    private final TicketHandling handling;
    private final TicketService tickets;

    ReopenTicketDelegate(TicketHandling handling, TicketService tickets) {
        this.handling = handling;
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SlaTimers.set(execution, handling.reopen(OwnTicket.of(execution, tickets), TicketService.GATEHOUSE));
    }
}
