package org.gatehouse.intake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gatehouse.channels.MailSender;
import org.gatehouse.channels.OutboundMail;
import org.gatehouse.tickets.ContactChannel;
import org.gatehouse.tickets.ConversationChannel;
import org.springframework.stereotype.Component;

/**
 * Tickets that came by e-mail are answered by e-mail, in the same thread: the reply refers to the last message of
 * the conversation, and its subject carries the ticket's reference, so the answer finds its ticket either way.
 * Collaborators (C9) are always reached this way.
 */
@Component
class EmailConversation implements ConversationChannel {

    private final MailSender mail;

    EmailConversation(MailSender mail) {
        this.mail = mail;
    }

    @Override
    public Set<ContactChannel> serves() {
        return EnumSet.of(ContactChannel.EMAIL);
    }

    @Override
    public String send(Outgoing message) {
        List<String> references = new ArrayList<>(message.thread());
        Collections.reverse(references);
        String subject = (message.thread().isEmpty() ? "" : "Re: ") + "[" + message.ticket() + "] " + message.subject();
        return mail.send(new OutboundMail(message.recipient(), subject, message.text() + "\n\n-- \nAnswer this e-mail "
                + "to add to " + message.ticket() + ".", message.thread().isEmpty() ? null : message.thread().get(0),
                references));
    }
}
