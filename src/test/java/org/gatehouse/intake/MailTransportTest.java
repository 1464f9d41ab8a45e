package org.gatehouse.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gatehouse.intake.MailFixtures.ADDRESS;
import static org.gatehouse.intake.MailFixtures.PASSWORD;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.gatehouse.channels.MailProperties;
import org.gatehouse.channels.MailSender;
import org.gatehouse.channels.OutboundMail;
import org.gatehouse.intake.ParsedMail.Automation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The SMTP and IMAP sides against GreenMail on free ports, a fresh server per test. */
class MailTransportTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(ADDRESS, ADDRESS, PASSWORD))
            .withPerMethodLifecycle(true);

    private static MailProperties settings() {
        return MailFixtures.properties("localhost", greenMail.getImap().getPort(), 10 * 1024 * 1024, 5 * 1024 * 1024);
    }

    private MailSender sender(int smtpPort) {
        var mailer = new JavaMailSenderImpl();
        mailer.setHost("localhost");
        mailer.setPort(smtpPort);
        return new MailSender(mailer, settings());
    }

    private MailSender sender() {
        return sender(greenMail.getSmtp().getPort());
    }

    private ImapMailbox mailbox() {
        return new ImapMailbox(settings());
    }

    private static void deliver(String subject) {
        GreenMailUtil.sendTextEmail(ADDRESS, "renee@globex.example", subject, "Body of " + subject,
                greenMail.getSmtp().getServerSetup());
    }

    @Test
    void sendsAReplyThatJoinsTheThreadAndComesBackAsALoop() throws Exception {
        String id = sender().send(new OutboundMail("renee@globex.example", "Re: Congés\r\nBcc: evil@globex.example",
                "Bonjour Renée,\nc'est réglé.", "first@globex.example", List.of("root@globex.example", "first@globex.example")));

        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(id).endsWith("@acme.example").doesNotContain("<", ">");
        assertThat(received.getMessageID()).isEqualTo("<" + id + ">");
        assertThat(received.getHeader("In-Reply-To", ",")).isEqualTo("<first@globex.example>");
        assertThat(received.getHeader("References", ",")).isEqualTo("<root@globex.example> <first@globex.example>");
        assertThat(received.getHeader("X-Gatehouse-Loop", ",")).isEqualTo(ADDRESS);
        assertThat(received.getHeader("Auto-Submitted", ",")).isEqualTo("auto-replied");
        assertThat(received.getHeader("Bcc")).as("a line break in the subject makes no header").isNull();
        assertThat(received.getSubject()).isEqualTo("Re: Congés Bcc: evil@globex.example");
        assertThat(received.getContentType()).startsWith("text/plain").containsIgnoringCase("UTF-8");

        ParsedMail parsed = new MailParser(settings()).parse(raw(received));
        assertThat(parsed.from()).isEqualTo(ADDRESS);
        assertThat(parsed.fromName()).isEqualTo("Acme Help");
        assertThat(parsed.to()).containsExactly("renee@globex.example");
        assertThat(parsed.text()).isEqualTo("Bonjour Renée,\nc'est réglé.");
        assertThat(parsed.messageId()).isEqualTo(id);
        assertThat(parsed.automated()).isEqualTo(Automation.LOOP);
    }

    @Test
    void aFirstMailNamesNoThread() throws Exception {
        String id = sender().send(new OutboundMail("renee@globex.example", "Your request", "Received."));

        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getMessageID()).isEqualTo("<" + id + ">");
        assertThat(received.getHeader("In-Reply-To")).isNull();
        assertThat(received.getHeader("References")).isNull();
        assertThat(received.getHeader("Auto-Submitted", ",")).isEqualTo("auto-generated");
    }

    @Test
    void badRecipientsAndIdsAreRefusedBeforeSending() {
        MailSender sender = sender();

        assertThatThrownBy(() -> sender.send(new OutboundMail("not an address", "s", "t")))
                .isInstanceOf(MailPreparationException.class);
        assertThatThrownBy(() -> sender.send(new OutboundMail("a@globex.example\r\nBcc: b@globex.example", "s", "t")))
                .isInstanceOf(MailPreparationException.class);
        assertThatThrownBy(() -> sender.send(new OutboundMail("a@globex.example", "s", "t", "<x@y> \r\nBcc: z", null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sender.send(new OutboundMail("a@globex.example", "s", "t", null, List.of("no-at-sign"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnreachableSmtpServerFailsTheSend() throws IOException {
        MailSender sender = sender(closedPort());

        assertThatThrownBy(() -> sender.send(new OutboundMail("renee@globex.example", "s", "t")))
                .isInstanceOf(MailSendException.class);
    }

    @Test
    void fetchHandsOverEachUnseenMessageOnce() {
        deliver("first");
        deliver("second");
        assertThat(greenMail.waitForIncomingEmail(5000, 2)).isTrue();
        List<String> stored = new ArrayList<>();
        MailParser parser = new MailParser(settings());

        int handedOver = mailbox().fetch(raw -> stored.add(parser.parse(raw).subject()));

        assertThat(handedOver).isEqualTo(2);
        assertThat(stored).containsExactly("first", "second");
        assertThat(mailbox().fetch(raw -> stored.add("again"))).isZero();
        assertThat(stored).hasSize(2);

        deliver("third");
        assertThat(greenMail.waitForIncomingEmail(5000, 3)).isTrue();
        assertThat(mailbox().fetch(raw -> stored.add(parser.parse(raw).subject()))).isEqualTo(1);
        assertThat(stored).containsExactly("first", "second", "third");
    }

    @Test
    void aMessageNotStoredStaysUnseen() {
        deliver("kept");
        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        List<byte[]> stored = new ArrayList<>();

        assertThat(mailbox().fetch(raw -> false)).isEqualTo(1);
        assertThat(mailbox().fetch(raw -> null)).isEqualTo(1);
        var crash = new IllegalStateException("database down");
        assertThatThrownBy(() -> mailbox().fetch(raw -> {
            throw crash;
        })).isSameAs(crash);

        assertThat(mailbox().fetch(stored::add)).isEqualTo(1);
        assertThat(new String(stored.get(0), StandardCharsets.UTF_8)).contains("Subject: kept", "Body of kept");
        assertThat(mailbox().fetch(stored::add)).isZero();
    }

    @Test
    void anEmptyMailboxHandsOverNothing() {
        assertThat(mailbox().fetch(raw -> {
            throw new AssertionError("nothing to store");
        })).isZero();
    }

    @Test
    void anUnreachableServerIsUnavailable() throws IOException {
        var unreachable = new ImapMailbox(MailFixtures.properties("localhost", closedPort(), 1024, 1024));

        assertThatThrownBy(() -> unreachable.fetch(raw -> true))
                .isInstanceOf(MailboxUnavailableException.class)
                .hasMessageContaining("cannot be read");
    }

    @Test
    void aWrongPasswordOrFolderIsUnavailable() {
        MailProperties good = settings();
        var imap = good.imap();
        var wrongPassword = new MailProperties(true, null, ADDRESS, null, good.companyDomains(), good.maxMessageSize(),
                good.maxAttachmentSize(), new MailProperties.Imap(imap.host(), imap.port(), imap.username(), "wrong",
                        false, "INBOX", imap.pollInterval()), good.smtp());
        var noFolder = new MailProperties(true, null, ADDRESS, null, good.companyDomains(), good.maxMessageSize(),
                good.maxAttachmentSize(), new MailProperties.Imap(imap.host(), imap.port(), imap.username(), PASSWORD,
                        false, "Nowhere", imap.pollInterval()), good.smtp());

        assertThatThrownBy(() -> new ImapMailbox(wrongPassword).fetch(raw -> true))
                .isInstanceOf(MailboxUnavailableException.class);
        assertThatThrownBy(() -> new ImapMailbox(noFolder).fetch(raw -> true))
                .isInstanceOf(MailboxUnavailableException.class);
    }

    private static byte[] raw(MimeMessage message) throws IOException, MessagingException {
        var bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return bytes.toByteArray();
    }

    /** A port nothing listens on. */
    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
