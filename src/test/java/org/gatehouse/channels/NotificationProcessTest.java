package org.gatehouse.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gatehouse.EngineTest;
import org.gatehouse.channels.OutboxMessages.Sent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code notification}: a message waits behind an async continuation, is sent, and the instance ends. */
class NotificationProcessTest extends EngineTest {

    @Autowired Notifier notifier;
    @Autowired OutboxMessages outbox;

    @Test
    void aMessageIsSentByItsOwnInstanceBehindAnAsyncContinuation() {
        notifier.notifyAddress("process@partner.example", MessageKind.STATUS, MessageTemplate.of("group-reminder", null)
                .with("message", "One message").with("group", "test").with("process", "Test"));
        Sent message = outbox.to("process@partner.example").get(0);
        ProcessInstance pi = driver.instance(message.id());
        assertThat(pi).hasPassed("StartEvent_MessageDue").isWaitingAt(NotificationProcess.TASK_SEND);
        assertThat(message.status()).isEqualTo(Notification.Status.PENDING);

        driver.runJobs(pi.getId());
        assertThat(pi).hasPassed(NotificationProcess.TASK_SEND, "EndEvent_MessageSent").isEnded();
        assertThat(outbox.to("process@partner.example").get(0).status()).isEqualTo(Notification.Status.SENT);
    }
}
