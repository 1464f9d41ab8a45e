package org.gatehouse.slack;

import java.util.Optional;

/**
 * A Slack message as the tickets' conversation names it, among e-mails' Message-IDs: {@code slack:<channel>:<ts>}.
 * A channel and a ts name one message; an answer in a thread names its thread's first message, which finds the
 * ticket the thread belongs to.
 */
record SlackMessageId(String channel, String ts) {

    private static final String PREFIX = "slack:";

    String id() {
        return PREFIX + channel + ":" + ts;
    }

    static Optional<SlackMessageId> parse(String id) {
        if (id == null || !id.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int colon = id.indexOf(':', PREFIX.length());
        return colon < 0 ? Optional.empty()
                : Optional.of(new SlackMessageId(id.substring(PREFIX.length(), colon), id.substring(colon + 1)));
    }
}
