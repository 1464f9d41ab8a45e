package org.gatehouse.intake;

import java.util.List;

import org.gatehouse.platform.TextInput;
import org.gatehouse.tickets.ContactChannel;

/**
 * A message as a channel hands it to the intake, before anything is decided about it.
 *
 * @param sender     user id (API, chat) or address (e-mail)
 * @param category   a team the sender chose, or null
 * @param onBehalfOf API only: the employee an expert files the request for
 * @param thread     e-mail: In-Reply-To and References, to find the ticket an answer belongs to
 * @param automated  why it is machine-made (auto-reply, bounce, loop, bulk), or null when a person wrote it
 * @param ticket     the ticket it answers, when the channel names it (the API), else null
 */
public record Inbound(ContactChannel channel, String sender, String senderName, String subject, String body,
        String category, String onBehalfOf, String messageId, List<String> thread, String automated, Long ticket) {

    /**
     * What the sender chose is cut to what is stored of it, so an overlong header cannot keep a message out; control
     * characters are dropped (a message is cleaned, not refused, for them), and the one-line fields lose their
     * bidirectional overrides.
     */
    public Inbound {
        sender = clip(TextInput.singleLine(sender), 320);
        senderName = clip(TextInput.singleLine(senderName), 200);
        subject = clip(TextInput.singleLine(subject), 998);
        body = TextInput.sanitise(body);
        messageId = clip(TextInput.singleLine(messageId), 998);
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    static Inbound api(String sender, String subject, String body, String category, String onBehalfOf) {
        return new Inbound(ContactChannel.API, sender, null, subject, body, category, onBehalfOf, null, List.of(), null,
                null);
    }

    /** A requester's answer on their ticket, over the API. */
    static Inbound apiAnswer(String sender, long ticket, String body) {
        return new Inbound(ContactChannel.API, sender, null, null, body, null, null, null, List.of(), null, ticket);
    }
}
