package org.gatehouse.channels;

import org.camunda.bpm.engine.RuntimeService;
import org.gatehouse.platform.GatehouseEngineCalls;
import org.springframework.stereotype.Component;

/** The outbox's side of the engine: each message is sent by its own instance of {@code notification}. */
@Component
@GatehouseEngineCalls
class NotificationWorkflow {

    private final RuntimeService runtime;

    NotificationWorkflow(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Starts in the caller's transaction: the message goes out only if the step that wrote it commits. */
    String send(String notificationId) {
        return runtime.startProcessInstanceByKey(NotificationProcess.KEY, notificationId).getProcessInstanceId();
    }
}
