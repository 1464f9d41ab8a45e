package org.gatehouse.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("endPartnerRequests")
class EndPartnerRequestsDelegate implements JavaDelegate {

    private final OffboardingWorkflow workflow;

    EndPartnerRequestsDelegate(OffboardingWorkflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public void execute(DelegateExecution execution) {
        workflow.endPartnerRequests(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
