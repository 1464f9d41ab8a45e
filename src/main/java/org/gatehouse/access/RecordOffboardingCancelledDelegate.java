package org.gatehouse.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 'Record cancellation': the offboarding someone called off is CANCELLED. */
@Component("recordOffboardingCancelled")
class RecordOffboardingCancelledDelegate implements JavaDelegate {

    private final OffboardingService offboardings;

    RecordOffboardingCancelledDelegate(OffboardingService offboardings) {
        this.offboardings = offboardings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        offboardings.recordCancelled(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
