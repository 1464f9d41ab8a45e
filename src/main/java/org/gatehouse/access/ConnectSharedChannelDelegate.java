package org.gatehouse.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("connectSharedChannel")
class ConnectSharedChannelDelegate implements JavaDelegate {

    private final AccessRequestService requests;

    ConnectSharedChannelDelegate(AccessRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.connect(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
