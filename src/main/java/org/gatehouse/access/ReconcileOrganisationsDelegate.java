package org.gatehouse.access;

import static org.gatehouse.platform.ProcessVariables.businessKeyOrNew;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 'Read the platform's organisations': one reconciliation run, whose id becomes the instance's business key. */
@Component("reconcileOrganisations")
class ReconcileOrganisationsDelegate implements JavaDelegate {

    private final OrganisationReconciliation reconciliation;

    ReconcileOrganisationsDelegate(OrganisationReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reconciliation.reconcile(businessKeyOrNew(execution), execution.getProcessInstanceId());
    }
}
