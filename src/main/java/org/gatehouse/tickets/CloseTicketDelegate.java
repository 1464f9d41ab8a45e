package org.gatehouse.tickets;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Nobody answered in time: a resolved ticket within the reopen window, a pending one within 7 days of the question. The
 * ticket closes, and its collaborators are removed (C9).
 */
@Component("closeTicket")
class CloseTicketDelegate implements JavaDelegate {

    private final TicketHandling handling;
    private final TicketService tickets;

    CloseTicketDelegate(TicketHandling handling, TicketService tickets) {
        this.handling = handling;
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        handling.close(OwnTicket.of(execution, tickets));
    }
}
