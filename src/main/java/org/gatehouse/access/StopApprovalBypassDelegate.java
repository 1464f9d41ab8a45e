package org.gatehouse.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Slack connected the channel before anyone approved: disconnected where the plan allows, the admins told. */
@Component("stopApprovalBypass")
class StopApprovalBypassDelegate implements JavaDelegate {

    private final AccessRequestService requests;

    StopApprovalBypassDelegate(AccessRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.stopApprovalBypass(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
