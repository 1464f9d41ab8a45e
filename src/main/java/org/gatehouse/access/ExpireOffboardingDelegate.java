package org.gatehouse.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 'Nobody confirmed in time': the offboarding is EXPIRED and the admin who asked is told. */
@Component("expireOffboarding")
class ExpireOffboardingDelegate implements JavaDelegate {

    private final OffboardingService offboardings;

    ExpireOffboardingDelegate(OffboardingService offboardings) {
        this.offboardings = offboardings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        offboardings.expire(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
