package org.gatehouse.tickets;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends whatever waits to be delivered on the ticket: the receipt, replies, notes to collaborators. */
@Component("deliverTicketMessages")
class DeliverTicketMessagesDelegate implements JavaDelegate {

    private final TicketDelivery delivery;
    private final TicketService tickets;

    DeliverTicketMessagesDelegate(TicketDelivery delivery, TicketService tickets) {
        this.delivery = delivery;
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.deliverPending(OwnTicket.of(execution, tickets));
    }
}
