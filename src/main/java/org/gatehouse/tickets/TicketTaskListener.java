package org.gatehouse.tickets;

import static org.gatehouse.tickets.TicketProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The ticket's tasks. When one is created it holds the ticket's reference and subject itself: Tasklist's list shows
 * a task's own variables to whoever may work it, and nobody reads the process's variables (they take a permission
 * that no role but admins holds). The handling task's form also gets the conversation and the requester's permitted
 * attributes (C2); each task's form offers the teams it may choose as they are now (triage: all of them; handling: the
 * others, to transfer the ticket to). When an expert claims the handling task (in Tasklist or over the API) the ticket
 * records who holds it, and the task goes back to them when the ticket comes back from the requester.
 */
@Component("ticketTask")
class TicketTaskListener implements TaskListener {

    private final TicketService tickets;
    private final TicketHandling handling;
    private final TicketConversation conversation;

    TicketTaskListener(TicketService tickets, TicketHandling handling, TicketConversation conversation) {
        this.tickets = tickets;
        this.handling = handling;
        this.conversation = conversation;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = OwnTicket.of(task.getExecution(), tickets);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            REFERENCE.setLocal(task, REFERENCE.from(task));
            SUBJECT.setLocal(task, SUBJECT.from(task));
            boolean handles = TASK_HANDLE.equals(task.getTaskDefinitionKey());
            TEAM_OPTIONS.setLocal(task, handling.teamChoices(handles ? tickets.get(id).team() : null));
            if (handles) {
                HandlingForm form = conversation.handlingForm(id);
                CONVERSATION.set(task, form.conversation());
                REQUESTER_PROFILE.set(task, form.requester());
            }
        } else if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            handling.assigned(id, task.getAssignee());
            ASSIGNEE.set(task, task.getAssignee());
        }
    }
}
