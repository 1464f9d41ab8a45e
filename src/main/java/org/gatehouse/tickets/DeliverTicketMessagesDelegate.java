package org.gatehouse.tickets;

import static org.gatehouse.tickets.TicketProcess.TICKET_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends whatever waits to be delivered on the ticket: the receipt, replies, notes to collaborators. */
@Component("deliverTicketMessages")
class DeliverTicketMessagesDelegate implements JavaDelegate {

    private final TicketDelivery delivery;

    DeliverTicketMessagesDelegate(TicketDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.deliverPending((Long) execution.getVariable(TICKET_ID));
    }
}
