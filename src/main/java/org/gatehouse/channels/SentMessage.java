package org.gatehouse.channels;

import java.time.LocalDateTime;

/**
 * A message of the outbox as a record's trail shows it: to whom, of what kind, when it was written and whether it
 * left. Never its text, which may carry a link that is a credential.
 *
 * @param template                 the template it was written from ({@code bpmn/notifications/})
 * @param senderProcessInstanceId  the instance of {@code notification} that sends it; null where mail is not sent
 * @param sourceProcessInstanceId  the process instance whose step wrote it
 */
public record SentMessage(String id, LocalDateTime at, MessageKind kind, Notification.Channel channel, String recipient,
        String subject, String template, Notification.Status status, LocalDateTime sentAt, String senderProcessInstanceId,
        String sourceProcessInstanceId) {
}
