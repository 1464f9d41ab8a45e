package org.gatehouse.intake;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The company mailbox requesters write to (C3, C10). Sending goes through Spring's {@code spring.mail.*}.
 *
 * @param enabled           whether Gatehouse reads the mailbox
 * @param address           the mailbox's address, also the From of everything Gatehouse sends
 * @param displayName       the name shown beside {@code address} on what Gatehouse sends; optional
 * @param companyDomains    the company's own mail domains; the first one names the Message-IDs Gatehouse makes
 * @param maxMessageSize    a bigger raw message is refused as a whole
 * @param maxAttachmentSize a bigger attachment is listed as refused
 * @param imap              where the mailbox is read
 */
@Validated
@ConfigurationProperties("gatehouse.mail")
public record MailProperties(
        boolean enabled,
        @NotBlank String address,
        String displayName,
        @NotEmpty List<@NotBlank String> companyDomains,
        @NotNull DataSize maxMessageSize,
        @NotNull DataSize maxAttachmentSize,
        @Valid @NotNull Imap imap) {

    /**
     * @param folder       the folder read, usually {@code INBOX}
     * @param pollInterval how often the mailbox is read
     */
    public record Imap(
            @NotBlank String host,
            @Min(1) @Max(65535) int port,
            @NotBlank String username,
            @NotNull String password,
            boolean ssl,
            @NotBlank String folder,
            @NotNull Duration pollInterval) {
    }
}
