package org.gatehouse.tickets;

import static org.gatehouse.approvals.ApprovalProcess.APPROVAL_COMMENT;
import static org.gatehouse.approvals.ApprovalProcess.APPROVAL_OUTCOME;
import static org.gatehouse.approvals.ApprovalProcess.APPROVED_BY;
import static org.gatehouse.tickets.TicketProcess.CONVERSATION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The approval asked on the ticket came back (approved, rejected or expired): it lands on the ticket as a note. */
@Component("recordTicketApproval")
class RecordTicketApprovalDelegate implements JavaDelegate {

    private final TicketHandling handling;
    private final TicketService tickets;

    RecordTicketApprovalDelegate(TicketHandling handling, TicketService tickets) {
        this.handling = handling;
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CONVERSATION.set(execution, handling.approvalAnswered(OwnTicket.of(execution, tickets),
                APPROVED_BY.from(execution), APPROVAL_OUTCOME.from(execution), APPROVAL_COMMENT.from(execution)));
    }
}
