package org.gatehouse.access;

import static org.gatehouse.access.PartnerOffboardingProcess.*;
import static org.gatehouse.platform.ProcessVariables.businessKeyOrNew;
import static org.gatehouse.platform.ProcessVariables.starter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** First step of {@code partner-offboarding}: the admin who asks is the signed-in starter, whatever a variable says. */
@Component("registerOffboarding")
class RegisterOffboardingDelegate implements JavaDelegate {

    private final OffboardingService offboardings;

    RegisterOffboardingDelegate(OffboardingService offboardings) {
        this.offboardings = offboardings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = businessKeyOrNew(execution);
        String admin = starter(execution, REQUESTED_BY);
        OffboardingView offboarding = offboardings.register(id, PARTNER_ID.from(execution),
                new OffboardingDraft(KEEP_DIRECT_MESSAGES.from(execution), REASON.from(execution)), admin,
                CONFIRM_WITHIN.input(execution), execution.getProcessInstanceId());
        REQUESTED_BY.set(execution, admin);
        PARTNER_NAME.set(execution, offboarding.partnerName());
        KEEP_DIRECT_MESSAGES.set(execution, offboarding.keepDirectMessages());
        CONFIRM_BY.set(execution, offboarding.confirmBy());
    }
}
