package org.gatehouse.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.gatehouse.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The mail side of the world in tests: people write to the company mailbox over real SMTP (raw bytes, so malformed
 * MIME reaches the server as it is), Gatehouse reads it over IMAP, and what Gatehouse sends lands in the in-process
 * server's mailboxes.
 */
@Component
public class Mailboxes {

    @Autowired MailIntake intake;

    /** Sends a message as raw lines (CRLF-joined, dot-stuffed) to the company mailbox over SMTP. */
    public void send(String from, String... lines) {
        String data = String.join("\r\n", lines).replace("\r\n.", "\r\n..");
        int port = TestMailServer.server().getSmtp().getPort();
        try (Socket socket = new Socket("localhost", port);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = socket.getOutputStream()) {
            expect(in, "220");
            command(out, in, "HELO test.example", "250");
            command(out, in, "MAIL FROM:<" + from + ">", "250");
            command(out, in, "RCPT TO:<" + TestMailServer.COMPANY_ADDRESS + ">", "250");
            command(out, in, "DATA", "354");
            out.write((data + "\r\n.\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            expect(in, "250");
            command(out, in, "QUIT", "221");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain-text mail from a person; {@code headers} may add In-Reply-To, References, its own Content-Type. */
    public String write(String from, String subject, String body, String... headers) {
        String messageId = UUID.randomUUID() + "@" + from.substring(from.indexOf('@') + 1);
        boolean typed = Arrays.stream(headers).anyMatch(h -> h.regionMatches(true, 0, "Content-Type:", 0, 13));
        String[] head = {"From: " + from, "To: " + TestMailServer.COMPANY_ADDRESS, "Subject: " + subject,
                "Message-ID: <" + messageId + ">", "MIME-Version: 1.0",
                typed ? "X-Test: typed below" : "Content-Type: text/plain; charset=UTF-8"};
        String[] all = Arrays.copyOf(head, head.length + headers.length + 2);
        System.arraycopy(headers, 0, all, head.length, headers.length);
        all[all.length - 2] = "";
        all[all.length - 1] = body;
        send(from, all);
        return messageId;
    }

    /** Gatehouse reads the company mailbox, as its schedule does. */
    public int poll() {
        return intake.poll();
    }

    /** Gatehouse handles again the stored e-mails whose handling failed, as its schedule does after each poll. */
    public int retry() {
        return intake.retry();
    }

    /** What Gatehouse has sent to {@code address}, oldest first. */
    public List<MimeMessage> inbox(String address) {
        return Arrays.stream(TestMailServer.server().getReceivedMessages()).filter(m -> sentTo(m, address)).toList();
    }

    public static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, ",");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sentTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().toLowerCase().contains(address.toLowerCase()));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void command(OutputStream out, BufferedReader in, String line, String code) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        expect(in, code);
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null || !line.startsWith(code)) {
                throw new IOException("SMTP said " + line + ", expected " + code);
            }
        } while (line.charAt(3) == '-');
    }
}
