package org.gatehouse.tickets;

import static org.gatehouse.tickets.TicketProcess.REMINDER_TEXT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A pending ticket's requester has not answered: the reminder (input {@code reminderText}, the process owners' words)
 * is posted as Gatehouse's reply on the ticket, which the model's next step delivers in the ticket's own thread; an
 * e-mail requester's answer to it then comes back to the ticket.
 */
@Component("remindTicketRequester")
class RemindTicketRequesterDelegate implements JavaDelegate {

    private final TicketHandling handling;
    private final TicketService tickets;

    RemindTicketRequesterDelegate(TicketHandling handling, TicketService tickets) {
        this.handling = handling;
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        handling.remindRequester(OwnTicket.of(execution, tickets), REMINDER_TEXT.from(execution));
    }
}
