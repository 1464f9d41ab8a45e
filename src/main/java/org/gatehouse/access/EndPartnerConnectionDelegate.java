package org.gatehouse.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("endPartnerConnection")
class EndPartnerConnectionDelegate implements JavaDelegate {

    private final OffboardingService offboardings;

    EndPartnerConnectionDelegate(OffboardingService offboardings) {
        this.offboardings = offboardings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        offboardings.endConnection(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
