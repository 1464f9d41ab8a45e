package org.gatehouse.tickets;

import java.util.Set;

import org.gatehouse.platform.ProcessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the platform must know of the tickets' processes, {@code ticket-lifecycle} and {@code approval}. */
@Configuration(proxyBeanMethods = false)
class TicketRules {

    record Rules(String processKey, Set<String> privateVariables) implements ProcessRules {
    }

    /** The requester's words and profile, the experts' replies and notes, and what an approval on the ticket says. */
    @Bean
    ProcessRules ticketLifecycleRules() {
        return new Rules(TicketProcess.KEY, Set.of(TicketProcess.SUBJECT, TicketProcess.ROUTING_TEXT,
                TicketProcess.CONVERSATION, TicketProcess.REQUESTER_PROFILE, TicketProcess.REPLY,
                TicketProcess.APPROVAL_SUBJECT, TicketProcess.APPROVAL_DETAILS, ApprovalProcess.APPROVAL_COMMENT));
    }

    /** What is to be approved, often a ticket's matter, and the approver's comment. */
    @Bean
    ProcessRules approvalRules() {
        return new Rules(ApprovalProcess.KEY, Set.of(ApprovalProcess.SUBJECT, ApprovalProcess.DETAILS,
                ApprovalProcess.APPROVAL_COMMENT));
    }
}
