package org.gatehouse.tickets;

/**
 * The public contract of {@code bpmn/ticket-lifecycle.bpmn}: its key, tasks, messages and variables, as listed in
 * {@code bpmn/README.md}. The business key is the ticket's number.
 */
public final class TicketProcess {

    public static final String KEY = "ticket-lifecycle";

    /** The engine keeps a string variable in at most 4000 characters; longer text stays in the ticket's tables. */
    static final int MAX_STRING = 4000;
    public static final String ROUTING_DECISION = "ticket-routing";

    public static final String TASK_HANDLE = "handleTicket";
    public static final String TASK_TRIAGE = "triageTicket";

    public static final String MSG_POSTED = "TicketMessagePosted";
    public static final String MSG_REQUESTER_ANSWERED = "TicketRequesterAnswered";
    public static final String MSG_APPROVAL_REQUESTED = "TicketApprovalRequested";

    // set at the start, read by the routing decision
    public static final String TICKET_ID = "ticketId";
    public static final String CATEGORY = "category";
    public static final String ROUTING_TEXT = "routingText";
    public static final String AUTO_CLOSE_AFTER = "autoCloseAfter";

    // the decision's result, or the team chosen in triage
    public static final String ROUTED_TEAM = "routedTeam";
    public static final String TEAM_GROUP = "teamGroup";
    public static final String TEAM_OPTIONS = "teamOptions";

    // the SLA timers' dates
    public static final String FIRST_RESPONSE_WARN_AT = "firstResponseWarnAt";
    public static final String FIRST_RESPONSE_DUE_AT = "firstResponseDueAt";
    public static final String RESOLUTION_WARN_AT = "resolutionWarnAt";
    public static final String RESOLUTION_DUE_AT = "resolutionDueAt";
    public static final String SLA_CLOCK = "slaClock";

    // what the handling form shows
    public static final String SUBJECT = "ticketSubject";
    public static final String REFERENCE = "ticketReference";
    public static final String CONVERSATION = "conversation";
    public static final String REQUESTER_PROFILE = "requesterProfile";
    public static final String ASSIGNEE = "ticketAssignee";

    // what the expert decides when the handling task completes
    public static final String ACTION = "ticketAction";
    public static final String REPLY = "reply";
    public static final String HANDLED_BY = "handledBy";
    public static final String STATUS = "ticketStatus";

    // an approval asked on the ticket (the call activity's inputs)
    public static final String APPROVAL_APPROVER = "approvalApprover";
    public static final String APPROVAL_SUBJECT = "approvalSubject";
    public static final String APPROVAL_DETAILS = "approvalDetails";
    public static final String APPROVAL_DUE_IN = "approvalDueIn";
    public static final String APPROVAL_REQUESTED_BY = "approvalRequestedBy";

    private TicketProcess() {
    }
}
