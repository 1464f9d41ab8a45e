package org.gatehouse.channels;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** What Gatehouse wrote to a person, as the outbox keeps it, oldest first: the tests' view of "they were told". */
@Component
public class OutboxMessages {

    @Autowired Notifier notifier;

    /** {@code recipient}: an e-mail address or a person's id. */
    public List<Sent> to(String recipient) {
        List<Sent> newestFirst = notifier.outbox(recipient, 500).stream()
                .map(n -> new Sent(n.id(), n.kind(), n.channel(), n.subject(), n.text(), n.status()))
                .collect(Collectors.toCollection(ArrayList::new));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The token of the last link under {@code path} ("/invite/", "/approvals/") that {@code recipient} was sent. */
    public String linkToken(String recipient, String path) {
        Pattern link = Pattern.compile(Pattern.quote(path) + "([A-Za-z0-9_-]+)");
        List<Sent> sent = to(recipient);
        for (int i = sent.size() - 1; i >= 0; i--) {
            Matcher found = link.matcher(sent.get(i).body());
            if (found.find()) {
                return found.group(1);
            }
        }
        throw new AssertionError("No " + path + " link was sent to " + recipient);
    }

    public record Sent(String id, MessageKind kind, Notification.Channel channel, String subject, String text,
            Notification.Status status) {

        /** Subject and text, as a reader sees the whole message. */
        public String body() {
            return subject + "\n\n" + text;
        }
    }
}
