package org.gatehouse.channels;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends plain-text mail from the company mailbox, marked so that it never starts a mail loop. */
// Spring Boot's own JavaMailSender is the bean "mailSender"
@Component("gatehouseMailSender")
public class MailSender {

    /** Set on everything Gatehouse sends, so that its own mail coming back is recognised. */
    public static final String LOOP_HEADER = "X-Gatehouse-Loop";

    private static final Pattern MESSAGE_ID = Pattern.compile("[^<>\\s]+@[^<>\\s]+");

    private final JavaMailSender mailer;
    private final MailProperties properties;

    public MailSender(JavaMailSender mailer, MailProperties properties) {
        this.mailer = mailer;
        this.properties = properties;
    }

    /**
     * Sends the mail; Spring's {@code MailException} when the server refuses it or cannot be reached, an
     * {@link IllegalArgumentException} for a Message-ID that is none.
     *
     * @return the Message-ID it carries, without {@code <>}, for the answer's In-Reply-To to find its ticket
     */
    public String send(OutboundMail mail) {
        return send(mail, UUID.randomUUID().toString());
    }

    /**
     * Sends the mail under the Message-ID {@code <localPart@first company domain>}: a mail sent again under the same
     * one is the same message to the recipient's mail system, which keeps it once.
     */
    public String send(OutboundMail mail, String localPart) {
        String inReplyTo = mail.inReplyTo() == null ? null : bracketed(List.of(mail.inReplyTo()));
        String references = mail.references().isEmpty() ? null : bracketed(mail.references());
        String messageId = localPart + "@" + properties.companyDomains().get(0);
        MimeMessage message = mailer.createMimeMessage();
        try {
            var helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(new InternetAddress(properties.address(), properties.displayName(), StandardCharsets.UTF_8.name()));
            helper.setTo(new InternetAddress(mail.to(), true));
            // a line break would start a header of the sender's making
            helper.setSubject(mail.subject().replaceAll("[\\r\\n]+", " "));
            helper.setText(mail.text(), false);
            // kept by JavaMailSenderImpl, which otherwise makes its own
            message.setHeader("Message-ID", "<" + messageId + ">");
            if (inReplyTo != null) {
                message.setHeader("In-Reply-To", inReplyTo);
            }
            if (references != null) {
                message.setHeader("References", references);
            }
            // RFC 3834: no vacation notice answers this mail; Gatehouse's mailbox would only drop it
            message.setHeader("Auto-Submitted", inReplyTo == null ? "auto-generated" : "auto-replied");
            message.setHeader(LOOP_HEADER, properties.address());
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailPreparationException("Cannot write the mail to " + mail.to() + ": " + e.getMessage(), e);
        }
        mailer.send(message);
        return messageId;
    }

    private static String bracketed(List<String> ids) {
        return ids.stream().map(id -> {
            if (!MESSAGE_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("Not a Message-ID: " + id);
            }
            return "<" + id + ">";
        }).collect(Collectors.joining(" "));
    }
}
