package org.gatehouse.channels;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import org.gatehouse.channels.Notification.Channel;
import org.gatehouse.channels.Notification.Status;
import org.gatehouse.directory.Person;
import org.gatehouse.directory.PersonService;
import org.gatehouse.directory.RoleService;
import org.gatehouse.platform.EmailAddresses;
import org.gatehouse.platform.RefusedStepException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Messages to people, each by the recipient's channel: a direct message for a person the chat platform reaches (on
 * Slack, everyone with a Slack account), else e-mail for everyone with an address, a chat message for a member
 * without one. Every message names its {@link MessageKind} and goes past the {@link NotificationPolicy}
 * first; a message the policy holds back is logged (without its text, which may carry a link that is a credential)
 * and counted in the metric {@code gatehouse.notifications.dropped}, and is no error: the step that sent it carries on.
 *
 * <p>A message is written to the outbox in the caller's transaction, so it exists exactly when the decision that
 * sends it does. Where mail is sent ({@code gatehouse.mail.send}), its own process instance sends it behind an async
 * continuation with retries, and so does a direct message the platform delivers; elsewhere a message stays in the
 * outbox ({@code GET /api/outbox}).
 */
@Service
public class Notifier {

    /** What the Message-ID of a notification starts with, so that an answer to one is recognised. */
    public static final String MESSAGE_ID_PREFIX = "notification.";

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final ChannelGateway gateway;
    private final RoleService roles;
    private final PersonService people;
    private final NotificationPolicy policy;
    private final NotificationTemplates templates;
    private final NotificationRepository outbox;
    private final NotificationWorkflow workflow;
    private final MailSender mail;
    private final MailProperties mailProperties;
    private final MeterRegistry meters;
    private final Clock clock;

    Notifier(ChannelGateway gateway, RoleService roles, PersonService people, NotificationPolicy policy,
            NotificationTemplates templates, NotificationRepository outbox, NotificationWorkflow workflow,
            MailSender mail, MailProperties mailProperties, MeterRegistry meters, Clock clock) {
        this.gateway = gateway;
        this.roles = roles;
        this.people = people;
        this.policy = policy;
        this.templates = templates;
        this.outbox = outbox;
        this.workflow = workflow;
        this.mail = mail;
        this.mailProperties = mailProperties;
        this.meters = meters;
        this.clock = clock;
    }

    public void notifyUser(String userId, MessageKind kind, MessageTemplate message) {
        toUser(userId, kind, message, templates.render(message));
    }

    /** One text for the whole group, written once. */
    public void notifyGroup(String groupId, MessageKind kind, MessageTemplate message) {
        NotificationTemplates.Text text = templates.render(message);
        roles.membersOf(groupId).forEach(member -> toUser(member, kind, message, text));
    }

    public void notifyAddress(String email, MessageKind kind, MessageTemplate message) {
        if (!policy.allowsAddress(email, kind)) {
            dropped(email, kind);
            return;
        }
        write(kind, Channel.EMAIL, EmailAddresses.normalise(email), people.findByEmail(email).map(Person::id).orElse(null),
                message, templates.render(message), mailProperties.sends());
    }

    /** Whether a message to an outside address reaches its owner, or only waits in the outbox. */
    public boolean reachesAddresses() {
        return mailProperties.sends();
    }

    /** The outbox, newest first; {@code recipient} (an address or a person's id) narrows it. */
    public List<Notification> outbox(String recipient, int limit) {
        return outbox.latest(recipient, limit);
    }

    /** What the steps of these process instances sent, in the order it was written, without the texts. */
    public List<SentMessage> sentBy(Collection<String> processInstanceIds) {
        return processInstanceIds.isEmpty() ? List.of() : outbox.writtenIn(processInstanceIds);
    }

    /**
     * Of these messages (by id, the business key of the {@code notification} instance sending each), the process
     * instance whose step wrote each, where it is known.
     */
    public Map<String, String> writers(Collection<String> ids) {
        return ids.isEmpty() ? Map.of() : outbox.writers(ids);
    }

    /**
     * Sends the message that {@code processInstanceId} was started for, once: a retry after a recorded success sends
     * nothing, and a retry after a failure sends under the same Message-ID, which the recipient's mail system keeps once.
     */
    void deliver(String id, String processInstanceId) {
        Notification message = outbox.ownedBy(id, processInstanceId).orElseThrow(
                () -> RefusedStepException.precondition("Notification", id, "it is not this process instance's message"));
        if (message.status() == Status.SENT) {
            return;
        }
        if (message.status() != Status.PENDING) {
            throw RefusedStepException.transition("Notification", id, message.status(), Status.SENT);
        }
        if (message.channel() == Channel.EMAIL) {
            mail.send(new OutboundMail(message.recipient(), message.subject(), message.text()), MESSAGE_ID_PREFIX + id);
        } else {
            gateway.sendMessage(message.recipient(), message.subject() + "\n\n" + message.text());
        }
        outbox.markSent(id, LocalDateTime.now(clock));
    }

    private void toUser(String userId, MessageKind kind, MessageTemplate message, NotificationTemplates.Text text) {
        if (!policy.allowsUser(userId, kind)) {
            dropped(userId, kind);
            return;
        }
        Optional<Person> person = people.find(userId);
        if (person.filter(gateway::reaches).isPresent()) {
            write(kind, Channel.CHAT, userId, userId, message, text, true);
            return;
        }
        String email = person.map(Person::email).filter(address -> !address.isBlank()).orElse(null);
        write(kind, email == null ? Channel.CHAT : Channel.EMAIL, email == null ? userId : EmailAddresses.normalise(email),
                userId, message, text, mailProperties.sends());
    }

    /** The message names the template and the process instance that wrote it, so that a record's trail finds it. */
    private void write(MessageKind kind, Channel channel, String recipient, String personId, MessageTemplate message,
            NotificationTemplates.Text text, boolean sends) {
        String id = UUID.randomUUID().toString();
        outbox.insert(new Notification(id, LocalDateTime.now(clock), kind, channel, recipient, personId, text.subject(),
                text.body(), sends ? Status.PENDING : Status.KEPT), message.name(), message.processInstanceId());
        if (sends) {
            outbox.bind(id, workflow.send(id));
        }
    }

    private void dropped(String recipient, MessageKind kind) {
        LOG.info("Not sending a {} message to {}: they came into the directory by an import and hold no working role (C5)",
                kind, recipient);
        meters.counter("gatehouse.notifications.dropped", "kind", kind.name()).increment();
    }
}
