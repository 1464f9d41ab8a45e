package org.gatehouse.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;

import org.gatehouse.channels.MailProperties;
import org.gatehouse.channels.MailSender;
import org.gatehouse.intake.ParsedMail.Attachment;
import org.gatehouse.intake.ParsedMail.Automation;
import org.gatehouse.platform.EmailAddresses;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.springframework.stereotype.Component;

/** Turns the raw bytes of an inbound e-mail into a {@link ParsedMail}. Keeps no attachment content. */
@Component
public class MailParser {

    private static final String LOOP_HEADER = MailSender.LOOP_HEADER;

    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");
    // "On Mon, 3 Mar 2025 at 10:00, Bob <bob@x> wrote:", "Le 3 mars 2025 à 10:00, Bob a écrit :"
    private static final Pattern ATTRIBUTION = Pattern.compile("^(On|Le)\\s.{0,300}\\s(wrote|a écrit)[\\s\u00a0\u202f]?:$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^-{2,}\\s*(Original Message|Message d'origine)\\s*-{2,}$", Pattern.CASE_INSENSITIVE);

    // Exchange's way of saying "do not answer me", set on out-of-office notices
    private static final Pattern OUT_OF_OFFICE = Pattern.compile("\\b(all|oof)\\b", Pattern.CASE_INSENSITIVE);

    // parsing needs no server; Jakarta Mail's defaults are lenient, as mail from the wild often is a little broken
    private static final Session SESSION = Session.getInstance(new Properties());

    private static final Verdict HUMAN = new Verdict(Automation.NONE, null);

    private final MailProperties properties;

    public MailParser(MailProperties properties) {
        this.properties = properties;
    }

    public ParsedMail parse(byte[] raw) {
        long max = properties.maxMessageSize().toBytes();
        if (raw.length > max) {
            throw new MalformedMailException("The message has " + raw.length + " bytes, more than the " + max + " accepted");
        }
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            InternetAddress sender = sender(message);
            String from = EmailAddresses.normalise(sender.getAddress());
            Body body = new Body();
            body.add(message);
            Verdict verdict = automation(message, from);
            return new ParsedMail(
                    first(ids(message.getHeader("Message-ID", " "))),
                    first(ids(message.getHeader("In-Reply-To", " "))),
                    ids(message.getHeader("References", " ")),
                    from,
                    sender.getPersonal(),
                    recipients(message),
                    message.getSubject() == null ? "" : message.getSubject().strip(),
                    withoutQuotedHistory(body.text()),
                    body.attachments,
                    verdict.kind(),
                    verdict.reason());
        } catch (MessagingException | IOException e) {
            throw new MalformedMailException("Not a readable MIME message: " + e.getMessage(), e);
        }
    }

    private static InternetAddress sender(MimeMessage message) throws MessagingException {
        Address[] from;
        try {
            from = message.getFrom();
        } catch (AddressException e) {
            throw new MalformedMailException("The sender's address cannot be read: " + e.getMessage(), e);
        }
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)
                || address.getAddress() == null || !address.getAddress().contains("@")) {
            throw new MalformedMailException("The message names no sender (From)");
        }
        return address;
    }

    /** To and Cc; a header that cannot be read is left out rather than losing the request. */
    private static List<String> recipients(MimeMessage message) throws MessagingException {
        List<String> addresses = new ArrayList<>();
        for (String name : List.of("To", "Cc")) {
            String header = message.getHeader(name, ",");
            if (header == null) {
                continue;
            }
            try {
                Arrays.stream(InternetAddress.parseHeader(header, false))
                        .map(InternetAddress::getAddress)
                        .filter(address -> address != null && address.contains("@"))
                        .map(EmailAddresses::normalise)
                        .filter(address -> !addresses.contains(address))
                        .forEach(addresses::add);
            } catch (AddressException e) {
                // the sender and the text still make a request
            }
        }
        return addresses;
    }

    private static List<String> ids(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher matcher = MESSAGE_ID.matcher(header);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        // some clients leave out the angle brackets
        return ids.isEmpty() ? List.of(header.strip().split("\\s+")) : ids;
    }

    private static String first(List<String> ids) {
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** Whether a machine sent it. Our own mail first: it must never start anything. */
    private Verdict automation(MimeMessage message, String from) throws MessagingException {
        if (message.getHeader(LOOP_HEADER) != null) {
            return new Verdict(Automation.LOOP, LOOP_HEADER + " header");
        }
        if (from.equals(EmailAddresses.normalise(properties.address()))) {
            return new Verdict(Automation.LOOP, "sent from " + properties.address());
        }
        ContentType type = contentType(message);
        if (type.match("multipart/report")) {
            String reportType = type.getParameter("report-type");
            return "delivery-status".equalsIgnoreCase(reportType)
                    ? new Verdict(Automation.BOUNCE, "multipart/report; report-type=delivery-status")
                    : new Verdict(Automation.AUTO_REPLY, "multipart/report; report-type=" + reportType);
        }
        String localPart = from.substring(0, from.indexOf('@'));
        if (localPart.equals("mailer-daemon") || localPart.equals("postmaster")) {
            return new Verdict(Automation.BOUNCE, "sent from " + from);
        }
        String autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.split(";")[0].strip().equalsIgnoreCase("no")) {
            return new Verdict(Automation.AUTO_REPLY, "Auto-Submitted: " + autoSubmitted);
        }
        for (String name : List.of("X-Autoreply", "X-Autorespond", "X-Autoreply-From", "X-Mail-Autoreply")) {
            if (message.getHeader(name) != null) {
                return new Verdict(Automation.AUTO_REPLY, name + " header");
            }
        }
        String suppress = header(message, "X-Auto-Response-Suppress");
        if (suppress != null && OUT_OF_OFFICE.matcher(suppress).find()) {
            return new Verdict(Automation.AUTO_REPLY, "X-Auto-Response-Suppress: " + suppress);
        }
        String precedence = header(message, "Precedence");
        if (precedence != null) {
            String value = precedence.toLowerCase(Locale.ROOT);
            if (value.equals("auto_reply")) {
                return new Verdict(Automation.AUTO_REPLY, "Precedence: " + precedence);
            }
            if (value.equals("bulk") || value.equals("junk") || value.equals("list")) {
                return new Verdict(Automation.BULK, "Precedence: " + precedence);
            }
        }
        for (String name : List.of("List-Id", "List-Unsubscribe")) {
            if (message.getHeader(name) != null) {
                return new Verdict(Automation.BULK, name + " header");
            }
        }
        return HUMAN;
    }

    private record Verdict(Automation kind, String reason) {
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, ",");
        return value == null ? null : value.strip();
    }

    private static ContentType contentType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType() == null ? "text/plain" : part.getContentType());
        } catch (ParseException e) {
            return new ContentType("application", "octet-stream", null);
        }
    }

    /** The text parts and the attachments of a message, walked once. */
    private final class Body {

        private final StringBuilder plain = new StringBuilder();
        private final StringBuilder html = new StringBuilder();
        private final List<Attachment> attachments = new ArrayList<>();

        void add(Part part) throws MessagingException, IOException {
            ContentType type = contentType(part);
            boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
            if (!attached && type.match("multipart/alternative")) {
                addAlternative((Multipart) part.getContent());
            } else if (!attached && type.getPrimaryType().equalsIgnoreCase("multipart")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    add(multipart.getBodyPart(i));
                }
            } else if (!attached && type.match("text/plain")) {
                append(plain, decoded(part, type));
            } else if (!attached && type.match("text/html")) {
                append(html, decoded(part, type));
            } else {
                addAttachment(part, type);
            }
        }

        /** The same text several ways: the plain one when there is one. */
        private void addAlternative(Multipart alternatives) throws MessagingException, IOException {
            Body each = new Body();
            for (int i = 0; i < alternatives.getCount(); i++) {
                each.add(alternatives.getBodyPart(i));
            }
            append(each.plain.isEmpty() ? html : plain, each.plain.isEmpty() ? each.html.toString() : each.plain.toString());
            attachments.addAll(each.attachments);
        }

        private void addAttachment(Part part, ContentType type) throws MessagingException, IOException {
            long size;
            try (InputStream content = part.getInputStream()) {
                size = content.transferTo(OutputStream.nullOutputStream());
            }
            attachments.add(new Attachment(filename(part), type.getBaseType().toLowerCase(Locale.ROOT), size,
                    size > properties.maxAttachmentSize().toBytes()));
        }

        String text() {
            return plain.isEmpty() ? htmlToText(html.toString()) : plain.toString();
        }

        private static void append(StringBuilder text, String more) {
            if (!text.isEmpty() && !more.isBlank()) {
                text.append("\n\n");
            }
            text.append(more.strip());
        }
    }

    private static String filename(Part part) throws MessagingException {
        String name = part.getFileName();
        if (name == null) {
            return null;
        }
        try {
            // Outlook and others encode names as RFC 2047 words, which Jakarta Mail leaves alone by default
            return MimeUtility.decodeText(name);
        } catch (UnsupportedEncodingException e) {
            return name;
        }
    }

    /** Decoded by the part's own charset; an unknown or missing one is read as UTF-8, a superset of ASCII. */
    private static String decoded(Part part, ContentType type) throws MessagingException, IOException {
        Charset charset = StandardCharsets.UTF_8;
        String name = type.getParameter("charset");
        if (name != null) {
            try {
                charset = Charset.forName(MimeUtility.javaCharset(name.strip()));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                // keep UTF-8
            }
        }
        try (InputStream content = part.getInputStream()) {
            return new String(content.readAllBytes(), charset).replace("\r\n", "\n");
        }
    }

    /** The text a reader sees: no script, style or markup; blocks and line breaks become new lines. */
    static String htmlToText(String html) {
        if (html.isBlank()) {
            return "";
        }
        var document = Jsoup.parse(html);
        document.select("script, style, noscript, template, head").remove();
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.text());
                } else if (node instanceof Element element && (element.normalName().equals("br") || element.isBlock())) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock()) {
                    text.append('\n');
                }
            }
        }, document.body());
        return text.toString()
                .replace('\u00a0', ' ')
                .lines()
                .map(String::strip)
                .collect(Collectors.joining("\n"))
                .replaceAll("\n{3,}", "\n\n")
                .strip();
    }

    /**
     * The new text of a reply: the earlier mail quoted below it ("On … wrote:", "-----Original Message-----", then
     * the history, or "&gt;" lines at the end) is cut off. A mail that is nothing but a quote keeps it.
     */
    static String withoutQuotedHistory(String text) {
        List<String> lines = text.lines().toList();
        int end = lines.size();
        for (int i = 0; i < lines.size() && end == lines.size(); i++) {
            String line = lines.get(i).strip();
            if (ATTRIBUTION.matcher(line).matches() || ORIGINAL_MESSAGE.matcher(line).matches()) {
                end = i;
            } else if (i > 0 && ATTRIBUTION.matcher(lines.get(i - 1).strip() + " " + line).matches()) {
                // Gmail wraps a long attribution over two lines
                end = i - 1;
            }
        }
        while (end > 0 && (lines.get(end - 1).isBlank() || lines.get(end - 1).startsWith(">"))) {
            end--;
        }
        String reply = String.join("\n", lines.subList(0, end)).strip();
        return reply.isEmpty() ? text.strip() : reply;
    }
}
