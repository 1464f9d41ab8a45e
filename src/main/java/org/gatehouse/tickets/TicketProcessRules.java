package org.gatehouse.tickets;

import static org.gatehouse.tickets.TicketProcess.*;

import java.util.Set;

import org.gatehouse.platform.ProcessRules;
import org.springframework.stereotype.Component;

/** What the platform must know of {@code ticket-lifecycle}. */
@Component
class TicketProcessRules implements ProcessRules {

    @Override
    public String processKey() {
        return KEY;
    }

    /** The requester's words and profile, the experts' replies and notes, and what an approval on the ticket says. */
    @Override
    public Set<String> privateVariables() {
        return Set.of(SUBJECT, ROUTING_TEXT, CONVERSATION, REQUESTER_PROFILE, REPLY, APPROVAL_SUBJECT, APPROVAL_DETAILS,
                ApprovalProcess.APPROVAL_COMMENT);
    }
}
