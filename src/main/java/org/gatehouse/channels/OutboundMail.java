package org.gatehouse.channels;

import java.util.List;
import java.util.Objects;

/**
 * A plain-text mail Gatehouse sends from the company mailbox.
 *
 * @param to         the one recipient's address
 * @param inReplyTo  the Message-ID (without {@code <>}) it answers, so that it joins the requester's thread; nullable
 * @param references the conversation's Message-IDs, oldest first, without {@code <>}; nullable
 */
public record OutboundMail(String to, String subject, String text, String inReplyTo, List<String> references) {

    public OutboundMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** A mail that starts a conversation. */
    public OutboundMail(String to, String subject, String text) {
        this(to, subject, text, null, null);
    }
}
