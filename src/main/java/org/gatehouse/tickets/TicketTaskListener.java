package org.gatehouse.tickets;

import static org.gatehouse.tickets.TicketProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The handling task: when it is created its form gets the conversation and the requester's permitted attributes
 * (C2); when an expert claims it (in Tasklist or over the API) the ticket records who holds it, and the task goes
 * back to them when the ticket comes back from the requester.
 */
@Component("ticketTask")
class TicketTaskListener implements TaskListener {

    private final TicketService tickets;

    TicketTaskListener(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = OwnTicket.of(task.getExecution(), tickets);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            HandlingForm form = tickets.handlingForm(id);
            task.setVariable(CONVERSATION, form.conversation());
            task.setVariable(REQUESTER_PROFILE, form.requester());
        } else if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            tickets.assigned(id, task.getAssignee());
            task.setVariable(ASSIGNEE, task.getAssignee());
        }
    }
}
