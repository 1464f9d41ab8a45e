package org.gatehouse.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.gatehouse.channels.MailProperties;
import org.gatehouse.tickets.ContactChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * E-mail in (C3): reads the company mailbox and hands each message to the intake. Each is stored as received
 * before it is even parsed, and marked read in the mailbox only then; a message that cannot be parsed is refused
 * with the reason, and kept; one whose handling fails is handled again from its stored copy.
 */
@Component
class MailIntake {

    private static final Logger LOG = LoggerFactory.getLogger(MailIntake.class);
    static final int ATTEMPTS = 5;
    static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    private final ImapMailbox mailbox;
    private final MailParser parser;
    private final IntakeService intake;
    private final MailProperties properties;
    private final InboundMessageRepository inbound;
    private final Clock clock;

    MailIntake(ImapMailbox mailbox, MailParser parser, IntakeService intake, MailProperties properties,
            InboundMessageRepository inbound, Clock clock) {
        this.mailbox = mailbox;
        this.parser = parser;
        this.intake = intake;
        this.properties = properties;
        this.inbound = inbound;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${gatehouse.mail.imap.poll-interval}", initialDelayString = "PT10S")
    void scheduledPoll() {
        if (!properties.enabled()) {
            return;
        }
        try {
            poll();
        } catch (MailboxUnavailableException e) {
            LOG.warn("The mailbox cannot be read now; trying again at the next poll: {}", e.getMessage());
        }
        retry();
    }

    /**
     * Takes every unread message from the mailbox. A message is marked read once it is stored, whatever its handling
     * does: a failure is retried from the stored copy ({@link #retry()}), so one bad message holds up no other.
     *
     * @return how many messages were taken from the mailbox
     */
    int poll() {
        return mailbox.fetch(raw -> {
            handle(intake.store(ContactChannel.EMAIL, null, Base64.getEncoder().encodeToString(raw)), raw);
            return true;
        });
    }

    /** Handles again the stored e-mails whose handling failed (or never ran) a while ago, up to {@link #ATTEMPTS} times. */
    int retry() {
        List<InboundMessageRepository.Stored> due = inbound.unhandledEmails(LocalDateTime.now(clock).minus(RETRY_AFTER),
                ATTEMPTS, 100);
        due.forEach(stored -> handle(stored.id(), Base64.getDecoder().decode(stored.raw())));
        return due.size();
    }

    private void handle(String id, byte[] raw) {
        ParsedMail mail;
        try {
            mail = parser.parse(raw);
        } catch (MalformedMailException e) {
            intake.refuse(id, "unreadable e-mail: " + e.getMessage());
            return;
        }
        try {
            intake.handle(id, inbound(mail));
        } catch (RuntimeException e) {
            // recorded on the stored message by the intake, and tried again later
            LOG.warn("E-mail {} could not be handled now: {}", id, e.getMessage());
        }
    }

    private static Inbound inbound(ParsedMail mail) {
        List<String> thread = new ArrayList<>(mail.references());
        if (mail.inReplyTo() != null) {
            thread.add(mail.inReplyTo());
        }
        StringBuilder body = new StringBuilder(mail.text().isBlank() ? mail.subject() : mail.text());
        mail.attachments().stream().filter(ParsedMail.Attachment::refused).forEach(a -> body.append("\n\n[The attachment ")
                .append(a.filename()).append(" (").append(a.size() / 1024).append(" KB) was too big and was not kept.]"));
        return new Inbound(ContactChannel.EMAIL, mail.from(), mail.fromName(), mail.subject(), body.toString(), null, null,
                mail.messageId(), thread, mail.isAutomated() ? mail.automated() + ": " + mail.automatedReason() : null,
                null);
    }
}
