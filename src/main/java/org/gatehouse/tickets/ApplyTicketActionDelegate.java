package org.gatehouse.tickets;

import static org.gatehouse.platform.ProcessVariables.actor;
import static org.gatehouse.tickets.TicketProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.TrustedCalls;
import org.gatehouse.teams.Team;
import org.springframework.stereotype.Component;

/**
 * The expert finished the handling task, in Tasklist or over the API: the ticket records the collaborator, note,
 * reply, transfer and decision ({@link TicketHandling#handled}); bad input, or resolving while an approval asked on it
 * is open, is refused and the task stays open. {@code ticketStatus} tells the model which way to go: on with the
 * status the ticket became, or back to the handling task (after a transfer, the new team's, held by nobody).
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
        var submitted = new HandlingSubmission(ACTION.from(execution), REPLY.from(execution),
                INTERNAL_NOTE.from(execution), COLLABORATOR_EMAIL.from(execution), TRANSFER_TO.from(execution));
        // an instance of a ticket-lifecycle from before the task could come back records the expert's work after
        // 'With the experts', and would take a kept ticket for a resolved one
        if (TicketHandling.Action.KEEP.name().equals(submitted.action())
                && !(execution.getBpmnModelElementInstance().getParentElement() instanceof SubProcess)) {
            throw new ConflictException("ticketAction", "This ticket's process predates keeping and transferring a "
                    + "ticket: resolve it or wait for the requester");
        }
        Ticket ticket = handling.handled(OwnTicket.of(execution, tickets), submitted, actor(execution, HANDLED_BY),
                TrustedCalls.active() ? "API" : "TASKLIST", openApprovals > 0);
        STATUS.set(execution, ticket.status().name());
        if (submitted.transferTo() != null) {
            TEAM_GROUP.set(execution, Team.groupOf(ticket.team()));
            ASSIGNEE.set(execution, null);
        }
        // spent: the next handling form must not offer the same answers again
        List.of(ACTION, REPLY, INTERNAL_NOTE, COLLABORATOR_EMAIL, TRANSFER_TO).forEach(spent -> spent.remove(execution));
    }
}
