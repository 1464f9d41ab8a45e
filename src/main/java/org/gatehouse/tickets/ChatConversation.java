package org.gatehouse.tickets;

import java.util.EnumSet;
import java.util.Set;

import org.gatehouse.channels.MessageKind;
import org.gatehouse.channels.MessageTemplate;
import org.gatehouse.channels.Notifier;
import org.springframework.stereotype.Component;

/** Tickets filed over the API or in Teams are answered in chat, as a direct message to the requester; Slack's in Slack. */
@Component
class ChatConversation implements ConversationChannel {

    private final Notifier notifier;

    ChatConversation(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public Set<ContactChannel> serves() {
        return EnumSet.of(ContactChannel.API, ContactChannel.TEAMS);
    }

    @Override
    public String send(Outgoing message) {
        notifier.notifyUser(message.recipient(), MessageKind.REPLY, MessageTemplate.of("ticket-reply", message.processInstanceId())
                .with("ticket", message.ticket()).with("subject", message.subject()).with("text", message.text()));
        return null;
    }
}
