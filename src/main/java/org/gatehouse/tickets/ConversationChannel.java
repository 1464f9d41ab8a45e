package org.gatehouse.tickets;

import java.util.List;
import java.util.Set;

/**
 * A way to reach the people of a ticket: the chat platform, or e-mail. Each ticket answers through the channel it came
 * from; collaborators are reached by e-mail. Sending leaves Gatehouse, so it runs behind an async continuation with
 * retries and must be safe to repeat.
 */
public interface ConversationChannel {

    Set<ContactChannel> serves();

    /** Sends the message; returns the id the channel gave it (an e-mail's Message-ID), or null when it gives none. */
    String send(Outgoing message);

    /**
     * @param ticket  the ticket's reference, {@code T-1042}, which the recipient's answer may quote
     * @param thread  message ids of the ticket's conversation with this recipient, newest first, for e-mail threading
     * @param processInstanceId the ticket's process, whose deployment holds the message texts
     */
    record Outgoing(String ticket, String subject, String recipient, String text, List<String> thread,
            String processInstanceId) {
    }
}
