package org.gatehouse.tickets;

import static org.gatehouse.tickets.ApprovalProcess.*;

import java.util.Set;

import org.gatehouse.platform.ProcessRules;
import org.springframework.stereotype.Component;

/** What the platform must know of {@code approval}. */
@Component
class ApprovalProcessRules implements ProcessRules {

    @Override
    public String processKey() {
        return KEY;
    }

    /** What is to be approved, often a ticket's matter, and the approver's comment. */
    @Override
    public Set<String> privateVariables() {
        return Set.of(SUBJECT, DETAILS, APPROVAL_COMMENT);
    }
}
