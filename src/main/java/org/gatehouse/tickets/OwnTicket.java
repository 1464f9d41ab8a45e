package org.gatehouse.tickets;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The ticket a step of {@code ticket-lifecycle} acts on: the one its instance's business key names (not a variable,
 * which a client could set), and only when the ticket belongs to that instance.
 */
final class OwnTicket {

    private OwnTicket() {
    }

    static long of(DelegateExecution execution, TicketService tickets) {
        String key = execution.getProcessBusinessKey();
        if (key == null || !key.matches("\\d{1,18}")) {
            throw new IllegalStateException("Process instance " + execution.getProcessInstanceId() + " names no ticket");
        }
        long id = Long.parseLong(key);
        tickets.requireProcess(id, execution.getProcessInstanceId());
        return id;
    }
}
