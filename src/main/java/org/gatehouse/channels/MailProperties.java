package org.gatehouse.channels;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The company mailbox requesters write to (C3, C10), and the server Gatehouse sends through (application.yaml hands
 * {@code smtp} to Spring's {@code spring.mail.*}). The mailbox, its domains and both servers are required only while
 * mail is on, so that a set-up without mail needs no mail settings.
 *
 * @param enabled           whether Gatehouse reads the mailbox
 * @param send              whether Gatehouse sends mail; unset: whenever {@code smtp.host} is set. Where it does not
 *                          send, every message is kept in the outbox ({@code GET /api/outbox}) instead
 * @param address           the mailbox's address, also the From of everything Gatehouse sends
 * @param displayName       the name shown beside {@code address} on what Gatehouse sends; optional
 * @param companyDomains    the company's own mail domains; the first one names the Message-IDs Gatehouse makes
 * @param maxMessageSize    a bigger raw message is refused as a whole
 * @param maxAttachmentSize a bigger attachment is listed as refused
 * @param imap              where the mailbox is read
 * @param smtp              where mail is sent
 */
@Validated
@MailProperties.CompleteWhenEnabled
@ConfigurationProperties("gatehouse.mail")
public record MailProperties(
        boolean enabled,
        Boolean send,
        String address,
        String displayName,
        List<@NotBlank String> companyDomains,
        @NotNull DataSize maxMessageSize,
        @NotNull DataSize maxAttachmentSize,
        @Valid @NotNull Imap imap,
        @Valid @NotNull Smtp smtp) {

    /**
     * @param folder       the folder read, usually {@code INBOX}
     * @param pollInterval how often the mailbox is read
     */
    public record Imap(
            String host,
            @Min(1) @Max(65535) int port,
            String username,
            String password,
            boolean ssl,
            @NotBlank String folder,
            @NotNull Duration pollInterval) {
    }

    /** Whether mail leaves Gatehouse: as {@code send} says, or, unset, whenever a server to send through is named. */
    public boolean sends() {
        return send != null ? send : smtp != null && smtp.host() != null && !smtp.host().isBlank();
    }

    /** @param username by default the mailbox's own account; optional, like {@code password} */
    public record Smtp(String host, @Min(1) @Max(65535) int port, String username, String password) {
    }

    /**
     * While the mailbox is read: its address, its domains, and the hosts and account that reach it; while mail is sent:
     * the address, the domains and the server.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = CompleteWhenEnabledValidator.class)
    public @interface CompleteWhenEnabled {

        String message() default "must be set while mail is on (gatehouse.mail.enabled or gatehouse.mail.send)";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class CompleteWhenEnabledValidator implements ConstraintValidator<CompleteWhenEnabled, MailProperties> {

        @Override
        public boolean isValid(MailProperties mail, ConstraintValidatorContext context) {
            if (mail == null || !mail.enabled() && !mail.sends()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = required(set(mail.address()), context, "address");
            valid &= required(mail.companyDomains() != null && !mail.companyDomains().isEmpty(), context, "companyDomains");
            if (mail.enabled() && mail.imap() != null) {
                valid &= required(set(mail.imap().host()), context, "imap", "host");
                valid &= required(set(mail.imap().username()), context, "imap", "username");
                valid &= required(set(mail.imap().password()), context, "imap", "password");
            }
            if (mail.smtp() != null) {
                valid &= required(set(mail.smtp().host()), context, "smtp", "host");
            }
            // the intake answers requesters and refused senders by mail: reading without sending would fail them
            if (mail.enabled() && Boolean.FALSE.equals(mail.send())) {
                context.buildConstraintViolationWithTemplate("must not be off while the mailbox is read "
                        + "(gatehouse.mail.enabled): the intake answers by mail").addPropertyNode("send")
                        .addConstraintViolation();
                valid = false;
            }
            return valid;
        }

        private static boolean set(String value) {
            return value != null && !value.isBlank();
        }

        /** A violation on the property at {@code path} unless it is {@code present}. */
        private static boolean required(boolean present, ConstraintValidatorContext context, String... path) {
            if (present) {
                return true;
            }
            var node = context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode(path[0]);
            for (int i = 1; i < path.length; i++) {
                node = node.addPropertyNode(path[i]);
            }
            node.addConstraintViolation();
            return false;
        }
    }
}
