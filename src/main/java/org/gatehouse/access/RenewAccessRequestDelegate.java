package org.gatehouse.access;

import static org.gatehouse.access.AccessRequestProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Runs in the transaction that completes {@code renewOrEnd}: a bad date keeps the task open. */
@Component("renewAccessRequest")
class RenewAccessRequestDelegate implements JavaDelegate {

    private final AccessRequestService requests;

    RenewAccessRequestDelegate(AccessRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var newEndDate = NEW_END_DATE.from(execution);
        requests.renew(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), newEndDate);
        END_DATE.set(execution, newEndDate);
    }
}
