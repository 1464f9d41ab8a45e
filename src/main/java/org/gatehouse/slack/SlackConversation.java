package org.gatehouse.slack;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.gatehouse.directory.Person;
import org.gatehouse.directory.PersonService;
import org.gatehouse.tickets.ContactChannel;
import org.gatehouse.tickets.ConversationChannel;
import org.springframework.stereotype.Component;

/**
 * A ticket asked from Slack is answered in Slack, in the thread of the message that asked it: the direct message to
 * the app, or the channel message that mentioned it. Without such a message (none is known), the answer is a direct
 * message. The id returned names the posted message, as an e-mail's Message-ID does.
 */
@Component
class SlackConversation implements ConversationChannel {

    private final SlackWebApi web;
    private final PersonService people;

    SlackConversation(SlackWebApi web, PersonService people) {
        this.web = web;
        this.people = people;
    }

    @Override
    public Set<ContactChannel> serves() {
        return EnumSet.of(ContactChannel.SLACK);
    }

    @Override
    public String send(Outgoing message) {
        // the thread is newest first: its oldest Slack message is where the ticket began
        Optional<SlackMessageId> start = message.thread().stream().map(SlackMessageId::parse).flatMap(Optional::stream)
                .reduce((newer, older) -> older);
        String channel = start.map(SlackMessageId::channel).orElseGet(() -> web.directMessageWith(slackUser(message.recipient())));
        String ts = web.post(channel, start.map(SlackMessageId::ts).orElse(null), message.text());
        return new SlackMessageId(channel, ts).id();
    }

    private String slackUser(String recipient) {
        return people.find(recipient).map(Person::slackUserId).filter(id -> !id.isBlank())
                .orElseThrow(() -> new IllegalStateException(recipient + " has no Slack account in the directory"));
    }
}
