package org.gatehouse.tickets;

import static org.gatehouse.tickets.TicketProcess.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.Correlations;
import org.gatehouse.platform.GatehouseEngineCalls;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the intake, the API and the engine meet: every change to a ticket that the process must know of goes
 * through here, and the domain change and the engine step share one transaction.
 */
@Component
@GatehouseEngineCalls
public class TicketWorkflow {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final TicketService tickets;
    private final TicketHandling handling;
    private final TicketConversation conversation;

    TicketWorkflow(RuntimeService runtime, TaskService tasks, TicketService tickets, TicketHandling handling,
            TicketConversation conversation) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.tickets = tickets;
        this.handling = handling;
        this.conversation = conversation;
    }

    /** Opens the ticket and starts its process, which routes it at once (the receipt goes out behind it). */
    @Transactional
    public Ticket open(NewTicket draft) {
        Ticket ticket = handling.open(draft);
        Map<String, Object> variables = new HashMap<>();
        TICKET_ID.putIn(variables, ticket.id());
        REFERENCE.putIn(variables, ticket.reference());
        SUBJECT.putIn(variables, ticket.subject());
        CATEGORY.putIn(variables, ticket.category());
        ROUTING_TEXT.putIn(variables, TicketService.routingText(ticket.subject(), draft.body()));
        ASSIGNEE.putIn(variables, null);
        runtime.startProcessInstanceByKey(KEY, ticket.businessKey(), variables);
        return tickets.get(ticket.id());
    }

    /**
     * An expert's reply. With {@code waitForRequester} the ticket becomes PENDING: the handling task completes and
     * the process waits for the requester; otherwise the ticket stays where it is and the reply goes out.
     */
    @Transactional
    public void reply(long id, String expert, String text, boolean waitForRequester) {
        tickets.requireExpert(expert);
        if (waitForRequester) {
            complete(id, expert, TicketHandling.Action.WAIT_FOR_REQUESTER, text, null);
        } else {
            handling.reply(id, expert, text, "API");
            posted(id);
        }
    }

    @Transactional
    public void resolve(long id, String expert, String text) {
        tickets.requireExpert(expert);
        complete(id, expert, TicketHandling.Action.RESOLVE, text, null);
    }

    @Transactional
    public void note(long id, String expert, String text) {
        conversation.note(id, expert, text, "API");
        posted(id);
    }

    /**
     * An expert hands a ticket being handled to another team, as the handling form's transfer does: the handling
     * task comes back for the new team's members.
     */
    @Transactional
    public void transfer(long id, String team, String expert) {
        tickets.requireExpert(expert);
        complete(id, expert, TicketHandling.Action.KEEP, null, team);
    }

    /** An expert takes the ticket, as claiming its task in Tasklist does. */
    @Transactional
    public void claim(long id, String expert) {
        tickets.requireExpert(expert);
        Task task = handlingTask(id);
        if (task.getAssignee() != null && !task.getAssignee().equals(expert)) {
            throw new ConflictException("assignee", tickets.get(id).reference() + " is held by " + task.getAssignee());
        }
        tasks.claim(task.getId(), expert);
    }

    /** Triage over the API, as the triage task's form does it. */
    @Transactional
    public void triage(long id, String team, String expert) {
        tickets.requireExpert(expert);
        Task task = task(id, TASK_TRIAGE, "is not waiting in triage");
        Map<String, Object> variables = new HashMap<>();
        ROUTED_TEAM.putIn(variables, team);
        HANDLED_BY.putIn(variables, expert);
        tasks.complete(task.getId(), variables);
    }

    /** The requester writes: a pending ticket goes back to open, a resolved one reopens. */
    @Transactional
    public TicketMessage fromRequester(long id, String author, String authorName, String text, ContactChannel via,
            Origin origin) {
        TicketMessage message = conversation.fromRequester(id, author, authorName, text, via, origin);
        if (tickets.get(id).status().waitsForRequester()) {
            // the handling task comes back, and its form reads the conversation as it is created
            Correlations.correlate(runtime, MSG_REQUESTER_ANSWERED, Long.toString(id), Map.of());
        } else {
            refresh(id);
        }
        return message;
    }

    @Transactional
    public TicketMessage fromCollaborator(long id, String email, String text, Origin origin) {
        TicketMessage message = conversation.fromCollaborator(id, email, text, origin);
        posted(id);
        return message;
    }

    /** The ticket waits on an approval asked of an employee (the call activity {@code approval}). */
    @Transactional
    public void requestApproval(long id, String expert, String approver, String subject, String details, String dueIn) {
        handling.hold(id, expert);
        Map<String, Object> variables = new HashMap<>();
        APPROVAL_APPROVER.putIn(variables, approver);
        APPROVAL_SUBJECT.putIn(variables, subject);
        APPROVAL_DETAILS.putIn(variables, details);
        APPROVAL_DUE_IN.putIn(variables, dueIn);
        APPROVAL_REQUESTED_BY.putIn(variables, expert);
        // the approval registers within this transaction, so a bad approver refuses the whole request
        Correlations.correlate(runtime, MSG_APPROVAL_REQUESTED, Long.toString(id), variables);
        refresh(id);
    }

    private void complete(long id, String expert, TicketHandling.Action action, String text, String transferTo) {
        Task task = handlingTask(id);
        Map<String, Object> variables = new HashMap<>();
        ACTION.putIn(variables, action.name());
        // the reply is the ticket's to keep (in any length), not the engine's: it only passes through to the next step
        variables.put(REPLY.name(), Variables.stringValue(text, true));
        TRANSFER_TO.putIn(variables, transferTo);
        HANDLED_BY.putIn(variables, expert);
        tasks.complete(task.getId(), variables);
    }

    /** Something is waiting to be delivered: the process sends it behind an async continuation. */
    private void posted(long id) {
        Correlations.correlate(runtime, MSG_POSTED, Long.toString(id), Map.of(),
                () -> new ConflictException("status", tickets.get(id).reference() + " is closed"));
        refresh(id);
    }

    /** The handling form shows the conversation as it stands. */
    private void refresh(long id) {
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(Long.toString(id)).processDefinitionKey(KEY)
                .list().forEach(instance -> runtime.setVariable(instance.getId(), CONVERSATION.name(),
                        conversation.transcript(id)));
    }

    private Task handlingTask(long id) {
        return task(id, TASK_HANDLE, "is not being handled right now");
    }

    private Task task(long id, String key, String refusal) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(id)).processDefinitionKey(KEY)
                .taskDefinitionKey(key).singleResult();
        if (task == null) {
            Ticket ticket = tickets.get(id);
            throw new ConflictException("status", ticket.reference() + " " + refusal + " (it is " + ticket.status() + ")");
        }
        return task;
    }
}
