package org.gatehouse.access;

import static org.gatehouse.access.AccessRequestProcess.DISCONNECTED_BY_PLATFORM;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stops the sharing; where the platform cannot (Slack without Grid), a workspace admin's task follows. */
@Component("disconnectSharedChannel")
class DisconnectSharedChannelDelegate implements JavaDelegate {

    private final AccessRequestService requests;

    DisconnectSharedChannelDelegate(AccessRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DISCONNECTED_BY_PLATFORM.set(execution, requests.disconnect(execution.getProcessBusinessKey(),
                execution.getProcessInstanceId()));
    }
}
