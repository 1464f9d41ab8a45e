package org.gatehouse.channels;

import java.time.LocalDateTime;

/**
 * One message Gatehouse sends a person, as the outbox keeps it.
 *
 * @param id        the idempotency key; the e-mail's Message-ID derives from it
 * @param channel   how it reaches the recipient
 * @param recipient the address it goes to (an e-mail address, or a chat user id)
 * @param personId  the directory person it is for; null for an outside address the directory does not know
 */
public record Notification(String id, LocalDateTime at, MessageKind kind, Channel channel, String recipient,
        String personId, String subject, String text, Status status) {

    public enum Channel { EMAIL, CHAT }

    /** KEPT: sending is off, it stays in the outbox; PENDING: a job sends it; SENT: it left, never to be sent again. */
    public enum Status { KEPT, PENDING, SENT }
}
