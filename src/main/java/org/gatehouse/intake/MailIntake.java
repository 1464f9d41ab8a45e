package org.gatehouse.intake;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.gatehouse.tickets.ContactChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * E-mail in (C3): reads the company mailbox and hands each message to the intake. Each is stored as received
 * before it is even parsed, and marked read in the mailbox only then; a message that cannot be parsed is refused
 * with the reason, and kept.
 */
@Component
class MailIntake {

    private static final Logger LOG = LoggerFactory.getLogger(MailIntake.class);

    private final ImapMailbox mailbox;
    private final MailParser parser;
    private final IntakeService intake;
    private final MailProperties properties;

    MailIntake(ImapMailbox mailbox, MailParser parser, IntakeService intake, MailProperties properties) {
        this.mailbox = mailbox;
        this.parser = parser;
        this.intake = intake;
        this.properties = properties;
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
    }

    /** @return how many messages were taken from the mailbox */
    int poll() {
        return mailbox.fetch(raw -> {
            receive(raw);
            return true;
        });
    }

    IntakeService.Outcome receive(byte[] raw) {
        String id = intake.store(ContactChannel.EMAIL, null, Base64.getEncoder().encodeToString(raw));
        ParsedMail mail;
        try {
            mail = parser.parse(raw);
        } catch (MalformedMailException e) {
            return intake.refuse(id, "unreadable e-mail: " + e.getMessage());
        }
        return intake.handle(id, inbound(mail));
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
