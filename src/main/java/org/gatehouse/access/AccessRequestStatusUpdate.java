package org.gatehouse.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gatehouse.platform.CalledFromModels;
import org.springframework.stereotype.Component;

/**
 * Called from execution listeners in the BPMN, e.g. {@code ${accessRequestStatus.set(execution, 'REJECTED',
 * rejectionReason)}}, so that the status each step means is visible in the model where process owners change it.
 */
@CalledFromModels
@Component("accessRequestStatus")
public class AccessRequestStatusUpdate {

    private final AccessRequestService requests;

    AccessRequestStatusUpdate(AccessRequestService requests) {
        this.requests = requests;
    }

    public void set(DelegateExecution execution, String status, Object reason) {
        var request = AccessRequestProcess.requestOf(execution);
        requests.changeStatus(request.getProcessBusinessKey(), request.getProcessInstanceId(),
                AccessRequestStatus.valueOf(status), reason == null ? null : reason.toString());
    }

    /** Legal's task in {@code nda-assurance} opens: see {@link AccessRequestService#awaitNda}. */
    public void awaitingNda(DelegateExecution execution, Object reason) {
        var request = AccessRequestProcess.requestOf(execution);
        requests.awaitNda(request.getProcessBusinessKey(), request.getProcessInstanceId(),
                reason == null ? null : reason.toString());
    }
}
