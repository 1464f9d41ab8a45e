package org.gatehouse.access;

import static org.gatehouse.access.NdaAssuranceProcess.*;
import static org.gatehouse.platform.ProcessVariables.currentUser;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Runs in the transaction that completes Legal's task, as its signed-in member of Legal: a bad date, or a completion by
 * anyone else, rolls the completion back and the task stays open.
 */
@Component("recordNda")
class RecordNdaDelegate implements JavaDelegate {

    private final AccessRequestService requests;

    RecordNdaDelegate(AccessRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var request = AccessRequestProcess.requestOf(execution);
        requests.recordNda(request.getProcessBusinessKey(), request.getProcessInstanceId(),
                NDA_SIGNED_ON.from(execution), NDA_EXPIRES_ON.from(execution), NDA_DOCUMENT_REF.from(execution),
                currentUser(execution));
    }
}
