package org.gatehouse.access;

import static org.gatehouse.access.AccessRequestProcess.POLICY_ALLOWED;
import static org.gatehouse.access.AccessRequestProcess.POLICY_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("checkSharingPolicy")
class CheckSharingPolicyDelegate implements JavaDelegate {

    private final AccessRequestService requests;

    CheckSharingPolicyDelegate(AccessRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var refusal = requests.policyRefusal(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
        POLICY_ALLOWED.set(execution, refusal.isEmpty());
        POLICY_REASON.set(execution, refusal.orElse(null));
    }
}
