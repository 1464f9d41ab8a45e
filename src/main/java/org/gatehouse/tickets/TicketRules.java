package org.gatehouse.tickets;

import java.util.Set;

import org.gatehouse.platform.ProcessRules;
import org.springframework.stereotype.Component;

/** What the platform must know of {@code ticket-lifecycle}. */
@Component
class TicketRules implements ProcessRules {

    @Override
    public String processKey() {
        return TicketProcess.KEY;
    }

    /** The requester's words and profile, the experts' replies and notes, and what an approval on the ticket says. */
    @Override
    public Set<String> privateVariables() {
        return Set.of(TicketProcess.SUBJECT, TicketProcess.ROUTING_TEXT, TicketProcess.CONVERSATION,
                TicketProcess.REQUESTER_PROFILE, TicketProcess.REPLY, TicketProcess.APPROVAL_SUBJECT,
                TicketProcess.APPROVAL_DETAILS, ApprovalProcess.APPROVAL_COMMENT);
    }

    @Override
    public Set<String> messageNames() {
        return Set.of(TicketProcess.MSG_POSTED, TicketProcess.MSG_REQUESTER_ANSWERED,
                TicketProcess.MSG_APPROVAL_REQUESTED);
    }
}
