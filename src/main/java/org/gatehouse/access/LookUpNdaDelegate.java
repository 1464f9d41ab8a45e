package org.gatehouse.access;

import static org.gatehouse.access.NdaAssuranceProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Hands the {@code nda-check} decision its facts as ISO dates, which FEEL's date() reads. */
@Component("lookUpNda")
class LookUpNdaDelegate implements JavaDelegate {

    private final AccessRequestService requests;

    LookUpNdaDelegate(AccessRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var request = AccessRequestProcess.requestOf(execution);
        var facts = requests.ndaFacts(request.getProcessBusinessKey(), request.getProcessInstanceId());
        CURRENT_NDA_EXPIRES_ON.set(execution, facts.currentNdaExpiresOn());
        END_DATE.set(execution, facts.endDate());
        TODAY.set(execution, facts.today());
    }
}
