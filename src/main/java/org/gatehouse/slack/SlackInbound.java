package org.gatehouse.slack;

import java.util.List;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;

import org.gatehouse.intake.Inbound;
import org.gatehouse.intake.IntakeService;
import org.gatehouse.tickets.ContactChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asking from Slack (C3): a direct message to the app, or a mention of it in a channel, goes to the intake like an
 * e-mail. It is stored before Slack gets its answer, and handled after (on Bolt's threads): Slack wants an answer
 * within three seconds, and a message that cannot be handled stays stored with the reason, for an operator. The
 * intake decides the rest: an employee's message opens a ticket, an answer in a ticket's thread goes to the ticket,
 * anyone else's (an outside member of a shared channel) waits in the review queue (C10).
 */
@Component
class SlackInbound {

    private static final Logger LOG = LoggerFactory.getLogger(SlackInbound.class);

    private final IntakeService intake;

    SlackInbound(IntakeService intake) {
        this.intake = intake;
    }

    void register(App app) {
        app.event(MessageEvent.class, (payload, context) -> {
            MessageEvent m = payload.getEvent();
            // Slack sends the app's own posts too; other conversations' messages are not subscribed to
            if ("im".equals(m.getChannelType()) && m.getBotId() == null && m.getUser() != null) {
                receive(app, context, m.getUser(), m.getText(), m.getChannel(), m.getTs(), m.getThreadTs());
            }
            return context.ack();
        });
        app.event(AppMentionEvent.class, (payload, context) -> {
            AppMentionEvent m = payload.getEvent();
            if (m.getBotId() == null && m.getUser() != null) {
                String mention = "<@" + context.getBotUserId() + ">";
                String text = m.getText() == null ? "" : m.getText().replace(mention, "").strip();
                receive(app, context, m.getUser(), text, m.getChannel(), m.getTs(), m.getThreadTs());
            }
            return context.ack();
        });
    }

    private void receive(App app, EventContext context, String user, String text, String channel, String ts,
            String threadTs) {
        List<String> thread = threadTs == null || threadTs.equals(ts) ? List.of()
                : List.of(new SlackMessageId(channel, threadTs).id());
        Inbound message = new Inbound(ContactChannel.SLACK, user, null, null, unescape(text), null, null,
                new SlackMessageId(channel, ts).id(), thread, null, null);
        String id;
        try {
            id = intake.store(ContactChannel.SLACK, message, null);
        } catch (RuntimeException e) {
            // Slack gets its answer all the same: it would only send the event again, into the same failure
            LOG.error("A Slack message ({} in {}, team {}) could not be stored", ts, channel, context.getTeamId(), e);
            return;
        }
        app.executorService().submit(() -> {
            try {
                intake.handle(id, message);
            } catch (RuntimeException e) {
                LOG.warn("Slack message {} is stored but could not be handled: {}", id, e.getMessage());
            }
        });
    }

    /** Slack escapes these three in a message's text; the rest (mentions, links) stays as Slack wrote it. */
    private static String unescape(String text) {
        return text == null ? "" : text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
