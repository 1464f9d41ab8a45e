package org.gatehouse.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordPartnershipEnded")
class RecordPartnershipEndedDelegate implements JavaDelegate {

    private final OffboardingService offboardings;

    RecordPartnershipEndedDelegate(OffboardingService offboardings) {
        this.offboardings = offboardings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        offboardings.finish(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
