package org.gatehouse.access;

import org.gatehouse.platform.ProcessRules;
import org.springframework.stereotype.Component;

/**
 * {@code organisation-reconciliation} starts on its model's own timer, nightly: it reads the chat platform and records
 * what it found, deciding nothing for anyone, so it is the one process that may run in nobody's name. Nobody starts it
 * by hand (no group is granted it).
 */
@Component
class OrganisationReconciliationRules implements ProcessRules {

    @Override
    public String processKey() {
        return OrganisationReconciliationProcess.KEY;
    }

    @Override
    public boolean startsOnSchedule() {
        return true;
    }
}
