package org.gatehouse.tickets;

import static org.gatehouse.platform.ProcessVariable.longVariable;
import static org.gatehouse.platform.ProcessVariable.stringVariable;
import static org.gatehouse.platform.ProcessVariable.timestampVariable;

import java.time.LocalDateTime;

import org.gatehouse.platform.ProcessVariable;

/**
 * The public contract of {@code bpmn/ticket-lifecycle.bpmn}: its key, tasks, messages and the variables Java reads or
 * writes, as listed in {@code bpmn/README.md} (a test keeps them in step). The business key is the ticket's number.
 */
public final class TicketProcess {

    public static final String KEY = "ticket-lifecycle";

    /** The engine keeps a string variable in at most 4000 characters; longer text stays in the ticket's tables. */
    static final int MAX_STRING = 4000;
    public static final String ROUTING_DECISION = "ticket-routing";

    public static final String TASK_HANDLE = "handleTicket";
    public static final String TASK_TRIAGE = "triageTicket";
    /** Where an approval asked on the ticket waits for its answer (a call activity of {@code approval}). */
    public static final String ACTIVITY_APPROVAL = "CallActivity_Approval";

    public static final String MSG_POSTED = "TicketMessagePosted";
    public static final String MSG_REQUESTER_ANSWERED = "TicketRequesterAnswered";
    public static final String MSG_APPROVAL_REQUESTED = "TicketApprovalRequested";

    // set at the start, read by the routing decision
    public static final ProcessVariable<Long> TICKET_ID = longVariable("ticketId");
    public static final ProcessVariable<String> CATEGORY = stringVariable("category");
    public static final ProcessVariable<String> ROUTING_TEXT = stringVariable("routingText");

    // the decision's result, or the team chosen in triage
    public static final ProcessVariable<String> ROUTED_TEAM = stringVariable("routedTeam");
    public static final ProcessVariable<String> TEAM_GROUP = stringVariable("teamGroup");
    /** The teams a task's form may choose, one a line as {@code slug=name}: a variable of the task itself. */
    public static final ProcessVariable<String> TEAM_OPTIONS = stringVariable("teamOptions");

    // the SLA timers' dates
    public static final ProcessVariable<LocalDateTime> FIRST_RESPONSE_WARN_AT =
            timestampVariable("firstResponseWarnAt");
    public static final ProcessVariable<LocalDateTime> FIRST_RESPONSE_DUE_AT = timestampVariable("firstResponseDueAt");
    public static final ProcessVariable<LocalDateTime> RESOLUTION_WARN_AT = timestampVariable("resolutionWarnAt");
    public static final ProcessVariable<LocalDateTime> RESOLUTION_DUE_AT = timestampVariable("resolutionDueAt");
    public static final ProcessVariable<String> SLA_CLOCK = stringVariable("slaClock");

    // input of the reminder to a requester who has not answered: the process owners' words
    public static final ProcessVariable<String> REMINDER_TEXT = stringVariable("reminderText");

    // what the handling form shows
    public static final ProcessVariable<String> SUBJECT = stringVariable("ticketSubject");
    public static final ProcessVariable<String> REFERENCE = stringVariable("ticketReference");
    public static final ProcessVariable<String> CONVERSATION = stringVariable("conversation");
    public static final ProcessVariable<String> REQUESTER_PROFILE = stringVariable("requesterProfile");
    public static final ProcessVariable<String> ASSIGNEE = stringVariable("ticketAssignee");

    // what the expert decides when the handling task completes
    public static final ProcessVariable<String> ACTION = stringVariable("ticketAction");
    public static final ProcessVariable<String> REPLY = stringVariable("reply");
    public static final ProcessVariable<String> INTERNAL_NOTE = stringVariable("internalNote");
    public static final ProcessVariable<String> COLLABORATOR_EMAIL = stringVariable("collaboratorEmail");
    public static final ProcessVariable<String> TRANSFER_TO = stringVariable("transferTo");
    public static final ProcessVariable<String> HANDLED_BY = stringVariable("handledBy");
    public static final ProcessVariable<String> STATUS = stringVariable("ticketStatus");

    // an approval asked on the ticket (the call activity's inputs)
    public static final ProcessVariable<String> APPROVAL_APPROVER = stringVariable("approvalApprover");
    public static final ProcessVariable<String> APPROVAL_SUBJECT = stringVariable("approvalSubject");
    public static final ProcessVariable<String> APPROVAL_DETAILS = stringVariable("approvalDetails");
    public static final ProcessVariable<String> APPROVAL_DUE_IN = stringVariable("approvalDueIn");
    public static final ProcessVariable<String> APPROVAL_REQUESTED_BY = stringVariable("approvalRequestedBy");

    private TicketProcess() {
    }
}
