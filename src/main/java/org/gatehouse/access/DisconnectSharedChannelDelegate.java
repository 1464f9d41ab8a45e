package org.gatehouse.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("disconnectSharedChannel")
class DisconnectSharedChannelDelegate implements JavaDelegate {

    private final AccessRequestService requests;

    DisconnectSharedChannelDelegate(AccessRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.disconnect(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
