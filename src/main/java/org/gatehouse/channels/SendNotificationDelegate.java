package org.gatehouse.channels;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends one message of the outbox, behind an async continuation with retries: an outage becomes retries, then an incident. */
@Component("sendNotification")
class SendNotificationDelegate implements JavaDelegate {

    private final Notifier notifier;

    SendNotificationDelegate(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifier.deliver(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
