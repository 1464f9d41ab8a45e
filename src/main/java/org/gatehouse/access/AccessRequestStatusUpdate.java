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

    /**
     * Whether the chat platform's invitation went out for the request (the gateways <i>Invited in Slack?</i>): the
     * variable <i>Send invitation</i> sets or, in an instance that passed that step before the variable existed (one
     * migrated from an older version of the model), the request's record of the platform's invitation.
     */
    public boolean invitedOnPlatform(DelegateExecution execution) {
        var request = AccessRequestProcess.requestOf(execution);
        Boolean set = AccessRequestProcess.INVITED_ON_PLATFORM.from(request);
        return set != null ? set : requests.get(request.getProcessBusinessKey()).inviteId() != null;
    }

    /** Legal's task in {@code nda-assurance} opens: see {@link AccessRequestService#awaitNda}. */
    public void awaitingNda(DelegateExecution execution, Object reason) {
        var request = AccessRequestProcess.requestOf(execution);
        requests.awaitNda(request.getProcessBusinessKey(), request.getProcessInstanceId(),
                reason == null ? null : reason.toString());
    }
}
