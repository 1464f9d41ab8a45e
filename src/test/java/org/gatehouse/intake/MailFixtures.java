package org.gatehouse.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.gatehouse.channels.MailProperties;
import org.springframework.util.unit.DataSize;

/** Settings as application.yaml gives them, and raw mails written as they travel (CRLF line ends). */
public final class MailFixtures {

    static final String ADDRESS = "help@acme.example";
    static final String PASSWORD = "demo";

    private MailFixtures() {
    }

    public static MailProperties properties(String imapHost, int imapPort, int maxMessageBytes, int maxAttachmentBytes) {
        return new MailProperties(true, null, ADDRESS, "Acme Help", List.of("acme.example"),
                DataSize.ofBytes(maxMessageBytes), DataSize.ofBytes(maxAttachmentBytes),
                new MailProperties.Imap(imapHost, imapPort, ADDRESS, PASSWORD, false, "INBOX", Duration.ofMinutes(1)),
                new MailProperties.Smtp("localhost", 3025, null, null));
    }

    public static MailProperties properties() {
        return properties("localhost", 3143, 10 * 1024 * 1024, 5 * 1024 * 1024);
    }

    /** Lines joined with CRLF, as on the wire. */
    static byte[] mail(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
