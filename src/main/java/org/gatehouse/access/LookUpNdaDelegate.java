package org.gatehouse.access;

import static org.gatehouse.access.AccessRequestProcess.*;

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
        var facts = requests.ndaFacts(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
        execution.setVariable(CURRENT_NDA_EXPIRES_ON,
                facts.currentNdaExpiresOn() == null ? null : facts.currentNdaExpiresOn().toString());
        execution.setVariable(END_DATE, facts.endDate().toString());
        execution.setVariable(TODAY, facts.today().toString());
    }
}
