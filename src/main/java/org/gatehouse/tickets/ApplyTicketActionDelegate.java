package org.gatehouse.tickets;

import static org.gatehouse.platform.ProcessVariables.actor;
import static org.gatehouse.platform.ProcessVariables.currentUser;
import static org.gatehouse.platform.ProcessVariables.string;
import static org.gatehouse.tickets.TicketProcess.*;

import java.util.EnumSet;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gatehouse.platform.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The expert finished the handling task: the reply, if any, is recorded for delivery, and the ticket becomes
 * RESOLVED, or PENDING while it waits for the requester (which needs a question to them). Bad input is refused and
 * the task stays open.
 */
@Component("applyTicketAction")
class ApplyTicketActionDelegate implements JavaDelegate {

    private static final EnumSet<Ticket.Status> HANDLED = EnumSet.of(Ticket.Status.NEW, Ticket.Status.OPEN,
            Ticket.Status.ON_HOLD);

    private final TicketService tickets;

    ApplyTicketActionDelegate(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = (Long) execution.getVariable(TICKET_ID);
        String expert = actor(execution, HANDLED_BY);
        String action = string(execution, ACTION);
        String reply = string(execution, REPLY);
        boolean hasReply = reply != null && !reply.isBlank();
        if (ACTION_WAIT.equals(action) && !hasReply) {
            throw new InvalidInputException(REPLY, "Tell the requester what you are waiting for");
        }
        if (!ACTION_WAIT.equals(action) && !ACTION_RESOLVE.equals(action)) {
            throw new InvalidInputException(ACTION, "ticketAction must be " + ACTION_RESOLVE + " or " + ACTION_WAIT);
        }
        if (hasReply) {
            tickets.reply(id, expert, reply, currentUser(execution) != null ? "TASKLIST" : "API");
        }
        tickets.move(id, HANDLED, ACTION_WAIT.equals(action) ? Ticket.Status.PENDING : Ticket.Status.RESOLVED, expert);
        execution.setVariable(CONVERSATION, tickets.transcript(id));
    }
}
