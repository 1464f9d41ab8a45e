package org.gatehouse.access;

import static org.gatehouse.access.AccessRequestProcess.CHANNEL_CONFIRMED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Connects the channel; where the platform confirms later (Slack Connect), the process waits for it. */
@Component("connectSharedChannel")
class ConnectSharedChannelDelegate implements JavaDelegate {

    private final AccessRequestService requests;

    ConnectSharedChannelDelegate(AccessRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CHANNEL_CONFIRMED.set(execution, requests.connect(execution.getProcessBusinessKey(),
                execution.getProcessInstanceId()));
    }
}
