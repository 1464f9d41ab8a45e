package org.gatehouse.tickets;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.gatehouse.approvals.ApprovalProcess;
import org.gatehouse.platform.GatehouseGroups;
import org.gatehouse.platform.Grant;
import org.gatehouse.platform.ProcessRules;
import org.gatehouse.platform.TasklistFilter;
import org.springframework.stereotype.Component;

/** What the platform must know of {@code ticket-lifecycle}. */
@Component
class TicketRules implements ProcessRules {

    @Override
    public String processKey() {
        return TicketProcess.KEY;
    }

    /**
     * The requester's words and profile, the experts' replies and notes, a collaborator's address, and what an
     * approval on the ticket says.
     */
    @Override
    public Set<String> privateVariables() {
        return Set.of(TicketProcess.SUBJECT.name(), TicketProcess.ROUTING_TEXT.name(),
                TicketProcess.CONVERSATION.name(), TicketProcess.REQUESTER_PROFILE.name(), TicketProcess.REPLY.name(),
                TicketProcess.INTERNAL_NOTE.name(), TicketProcess.COLLABORATOR_EMAIL.name(),
                TicketProcess.APPROVAL_SUBJECT.name(), TicketProcess.APPROVAL_DETAILS.name(),
                ApprovalProcess.APPROVAL_COMMENT.name());
    }

    @Override
    public Set<String> messageNames() {
        return Set.of(TicketProcess.MSG_POSTED, TicketProcess.MSG_REQUESTER_ANSWERED,
                TicketProcess.MSG_APPROVAL_REQUESTED);
    }

    /**
     * Experts work tickets in Tasklist (form, diagram); a ticket's variables only through its tasks, which the engine
     * lets their team (or the triaging experts) read: no READ_INSTANCE_VARIABLE. An approver answering an approval
     * asked on a ticket moves the ticket's process on, which reads its definition.
     */
    @Override
    public List<Grant> grants() {
        return List.of(Grant.onProcess(GatehouseGroups.EXPERTS, TicketProcess.KEY, ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.READ_INSTANCE),
                Grant.onProcess(GatehouseGroups.REQUESTERS, TicketProcess.KEY, ProcessDefinitionPermissions.READ));
    }

    /** A team's tickets reach its members through their candidate group team-<slug>. */
    @Override
    public List<TasklistFilter> tasklistFilters() {
        var columns = List.of(TasklistFilter.column(TicketProcess.REFERENCE.name(), "Ticket"),
                TasklistFilter.column(TicketProcess.SUBJECT.name(), "Subject"));
        return List.of(
                new TasklistFilter("Tickets", -8, "Employee requests to my teams, taken or not",
                        tasks -> tasks.createTaskQuery().taskDefinitionKey(TicketProcess.TASK_HANDLE)
                                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
                        List.of(GatehouseGroups.EXPERTS), columns),
                new TasklistFilter("Triage", -7, "Employee requests no routing rule matched: choose their team",
                        tasks -> tasks.createTaskQuery().taskDefinitionKey(TicketProcess.TASK_TRIAGE)
                                .taskCandidateGroup(GatehouseGroups.EXPERTS),
                        List.of(GatehouseGroups.EXPERTS), columns));
    }
}
