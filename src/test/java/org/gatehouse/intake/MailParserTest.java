package org.gatehouse.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gatehouse.intake.MailFixtures.mail;
import static org.gatehouse.intake.MailFixtures.properties;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.gatehouse.intake.ParsedMail.Attachment;
import org.gatehouse.intake.ParsedMail.Automation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailParserTest {

    private final MailParser parser = new MailParser(properties());

    private static final String FROM = "From: =?UTF-8?Q?Ren=C3=A9e_Dupont?= <Renee.Dupont@Globex.example>";

    @Test
    void plainMail() {
        ParsedMail parsed = parser.parse(mail(
                FROM,
                "To: Help <HELP@acme.example>, bob@acme.example",
                "Cc: carol@acme.example",
                "Subject: My payslip",
                "Message-ID: <abc.123@globex.example>",
                "Content-Type: text/plain; charset=UTF-8",
                "",
                "Hello,",
                "my payslip for March is missing.",
                "Renée"));

        assertThat(parsed.messageId()).isEqualTo("abc.123@globex.example");
        assertThat(parsed.inReplyTo()).isNull();
        assertThat(parsed.references()).isEmpty();
        assertThat(parsed.from()).isEqualTo("renee.dupont@globex.example");
        assertThat(parsed.fromName()).isEqualTo("Renée Dupont");
        assertThat(parsed.to()).containsExactly("help@acme.example", "bob@acme.example", "carol@acme.example");
        assertThat(parsed.subject()).isEqualTo("My payslip");
        assertThat(parsed.text()).isEqualTo("Hello,\nmy payslip for March is missing.\nRenée");
        assertThat(parsed.attachments()).isEmpty();
        assertThat(parsed.automated()).isEqualTo(Automation.NONE);
        assertThat(parsed.automatedReason()).isNull();
        assertThat(parsed.isAutomated()).isFalse();
    }

    @Test
    void noMessageIdNoSubjectAndAnEmptyBody() {
        ParsedMail parsed = parser.parse(mail(FROM, "To: help@acme.example", ""));

        assertThat(parsed.messageId()).isNull();
        assertThat(parsed.subject()).isEmpty();
        assertThat(parsed.text()).isEmpty();
    }

    @Test
    void alternativePrefersThePlainText() {
        ParsedMail parsed = parser.parse(mail(
                FROM,
                "Subject: Both",
                "Content-Type: multipart/alternative; boundary=\"b1\"",
                "",
                "--b1",
                "Content-Type: text/html; charset=UTF-8",
                "",
                "<p>the <b>HTML</b> one</p>",
                "--b1",
                "Content-Type: text/plain; charset=ISO-8859-1",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                "the plain one, caf=E9",
                "--b1--"));

        assertThat(parsed.text()).isEqualTo("the plain one, café");
    }

    @Test
    void htmlOnlyBecomesTextWithoutScriptStyleOrMarkup() {
        ParsedMail parsed = parser.parse(mail(
                FROM,
                "Subject: HTML",
                "Content-Type: text/html; charset=UTF-8",
                "",
                "<html><head><title>t</title><style>p { color: red }</style></head><body>",
                "<p>Hello <b>team</b>,</p><script>alert(1)</script>",
                "<div>first line<br>second&nbsp;line &amp; more</div><!-- a comment -->",
                "<img src=x onerror=alert(2)></body></html>"));

        assertThat(parsed.text()).isEqualTo("Hello team,\n\nfirst line\nsecond line & more");
        assertThat(parsed.text()).doesNotContain("alert", "<", "color", "comment");
    }

    @Test
    void encodedWordsInSubjectAndHeaders() {
        ParsedMail parsed = parser.parse(mail(
                FROM,
                "Subject: =?UTF-8?B?Q29uZ8OpcyBwYXllcw==?= =?ISO-8859-1?Q?_=E9t=E9?=",
                "",
                "text"));

        assertThat(parsed.subject()).isEqualTo("Congés payes été");
    }

    @Test
    void repliesNameTheirConversation() {
        ParsedMail parsed = parser.parse(mail(
                FROM,
                "Subject: Re: My payslip",
                "In-Reply-To: <first@acme.example> (Help's message)",
                "References: <root@globex.example>",
                " <first@acme.example>",
                "",
                "Thanks, that helps."));

        assertThat(parsed.inReplyTo()).isEqualTo("first@acme.example");
        assertThat(parsed.references()).containsExactly("root@globex.example", "first@acme.example");
    }

    @Test
    void idsWithoutAngleBrackets() {
        ParsedMail parsed = parser.parse(mail(FROM, "Message-ID: bare@globex.example", "In-Reply-To: first@acme.example",
                "References: root@globex.example first@acme.example", "", "text"));

        assertThat(parsed.messageId()).isEqualTo("bare@globex.example");
        assertThat(parsed.inReplyTo()).isEqualTo("first@acme.example");
        assertThat(parsed.references()).containsExactly("root@globex.example", "first@acme.example");
    }

    @Test
    void quotedHistoryIsCutOff() {
        ParsedMail parsed = parser.parse(mail(
                FROM,
                "Subject: Re: My payslip",
                "",
                "Thanks, that helps.",
                "",
                "On Mon, 3 Mar 2025 at 10:00, Acme Help <help@acme.example>",
                "wrote:",
                "> Your payslip is attached.",
                ">",
                "> Acme Help"));

        assertThat(parsed.text()).isEqualTo("Thanks, that helps.");
    }

    @Test
    void outlookHistoryAndTrailingQuotesAreCutOff() {
        assertThat(MailParser.withoutQuotedHistory("Merci !\n\n-----Original Message-----\nFrom: Help\nYour payslip"))
                .isEqualTo("Merci !");
        assertThat(MailParser.withoutQuotedHistory("Merci\n\nLe lun. 3 mars 2025, Help <help@acme.example> a écrit\u00a0:\n> Q"))
                .isEqualTo("Merci");
        assertThat(MailParser.withoutQuotedHistory("Le 3 mars 2025 à 10:00, Help a écrit :\nQuestion?"))
                .as("a mail that is nothing but a quote keeps it")
                .isEqualTo("Le 3 mars 2025 à 10:00, Help a écrit :\nQuestion?");
        assertThat(MailParser.withoutQuotedHistory("> quoted first\nmy answer\n> quoted last\n")).isEqualTo("> quoted first\nmy answer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Auto-Submitted: auto-replied", "Auto-Submitted: auto-generated", "X-Autoreply: yes",
            "X-Autorespond: Out of office", "X-Auto-Response-Suppress: All", "X-Auto-Response-Suppress: DR, OOF, AutoReply",
            "Precedence: auto_reply"})
    void autoReplies(String header) {
        ParsedMail parsed = parser.parse(mail(FROM, header, "Subject: Out of office", "", "I am away."));

        assertThat(parsed.automated()).isEqualTo(Automation.AUTO_REPLY);
        assertThat(parsed.isAutomated()).isTrue();
        assertThat(parsed.automatedReason()).startsWith(header.substring(0, header.indexOf(':')));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Auto-Submitted: no", "X-Auto-Response-Suppress: DR, RN, NRN", "Precedence: first-class"})
    void headersThatPeopleSendToo(String header) {
        assertThat(parser.parse(mail(FROM, header, "", "A question.")).automated()).isEqualTo(Automation.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Precedence: bulk", "Precedence: junk", "Precedence: List", "List-Id: <news.globex.example>",
            "List-Unsubscribe: <mailto:unsubscribe@globex.example>"})
    void bulk(String header) {
        ParsedMail parsed = parser.parse(mail(FROM, header, "Subject: News", "", "Our newsletter."));

        assertThat(parsed.automated()).isEqualTo(Automation.BULK);
        assertThat(parsed.automatedReason()).startsWith(header.substring(0, header.indexOf(':')));
    }

    @Test
    void deliveryStatusReportIsABounce() {
        ParsedMail parsed = parser.parse(mail(
                "From: Mail Delivery System <relay@globex.example>",
                "Subject: Undelivered Mail Returned to Sender",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"",
                "",
                "--r",
                "Content-Type: text/plain",
                "",
                "Your message could not be delivered.",
                "--r",
                "Content-Type: message/delivery-status",
                "",
                "Reporting-MTA: dns; relay.globex.example",
                "",
                "Final-Recipient: rfc822; nobody@globex.example",
                "Action: failed",
                "Status: 5.1.1",
                "--r--"));

        assertThat(parsed.automated()).isEqualTo(Automation.BOUNCE);
        assertThat(parsed.automatedReason()).contains("delivery-status");
        assertThat(parsed.text()).isEqualTo("Your message could not be delivered.");
        assertThat(parsed.attachments()).extracting(Attachment::contentType).containsExactly("message/delivery-status");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MAILER-DAEMON@relay.globex.example", "postmaster@globex.example"})
    void mailFromTheMailSystemIsABounce(String from) {
        ParsedMail parsed = parser.parse(mail("From: " + from, "Subject: failure", "", "Delivery failed."));

        assertThat(parsed.automated()).isEqualTo(Automation.BOUNCE);
    }

    @Test
    void ourOwnMailIsALoop() {
        ParsedMail header = parser.parse(mail(FROM, "X-Gatehouse-Loop: help@acme.example", "Auto-Submitted: auto-replied",
                "", "Forwarded back"));
        ParsedMail address = parser.parse(mail("From: Acme Help <Help@Acme.example>", "", "Our answer"));

        assertThat(header.automated()).isEqualTo(Automation.LOOP);
        assertThat(header.automatedReason()).contains("X-Gatehouse-Loop");
        assertThat(address.automated()).isEqualTo(Automation.LOOP);
    }

    @Test
    void attachmentsAreListedWithoutTheirContentAndTheBigOnesRefused() {
        MailParser smallAttachments = new MailParser(properties("localhost", 3143, 1024 * 1024, 1000));
        String big = Base64.getMimeEncoder().encodeToString(new byte[1001]);
        String small = Base64.getMimeEncoder().encodeToString("%PDF-1.4 tiny".getBytes(StandardCharsets.US_ASCII));

        ParsedMail parsed = smallAttachments.parse(mail(
                FROM,
                "Subject: Files",
                "Content-Type: multipart/mixed; boundary=\"m\"",
                "",
                "--m",
                "Content-Type: text/plain",
                "",
                "See the files.",
                "--m",
                "Content-Type: application/pdf; name=\"contract.pdf\"",
                "Content-Disposition: attachment; filename=\"contract.pdf\"",
                "Content-Transfer-Encoding: base64",
                "",
                small,
                "--m",
                "Content-Type: Image/PNG",
                "Content-Disposition: attachment; filename=\"=?UTF-8?Q?sc=C3=A8ne.png?=\"",
                "Content-Transfer-Encoding: base64",
                "",
                big,
                "--m--"));

        assertThat(parsed.text()).isEqualTo("See the files.");
        assertThat(parsed.attachments()).containsExactly(
                new Attachment("contract.pdf", "application/pdf", 13, false),
                new Attachment("scène.png", "image/png", 1001, true));
    }

    @Test
    void anAttachedTextFileIsNoPartOfTheText() {
        ParsedMail parsed = parser.parse(mail(
                FROM,
                "Content-Type: multipart/mixed; boundary=\"m\"",
                "",
                "--m",
                "Content-Type: text/plain",
                "",
                "The log is attached.",
                "--m",
                "Content-Type: text/plain; name=log.txt",
                "Content-Disposition: attachment; filename=log.txt",
                "",
                "ERROR something",
                "--m--"));

        assertThat(parsed.text()).isEqualTo("The log is attached.");
        assertThat(parsed.attachments()).extracting(Attachment::filename).containsExactly("log.txt");
    }

    @Test
    void anUnknownCharsetIsReadAsUtf8() {
        ParsedMail parsed = parser.parse(mail(FROM, "Content-Type: text/plain; charset=x-made-up", "", "Grüße"));

        assertThat(parsed.text()).isEqualTo("Grüße");
    }

    @Test
    void aMessageAboveTheLimitIsRefused() {
        MailParser small = new MailParser(properties("localhost", 3143, 100, 100));
        byte[] raw = mail(FROM, "Subject: big", "", "x".repeat(200));

        assertThatThrownBy(() -> small.parse(raw))
                .isInstanceOf(MalformedMailException.class)
                .hasMessageContaining("more than the 100 accepted");
    }

    @Test
    void aMessageWithoutSenderIsRefused() {
        assertThatThrownBy(() -> parser.parse(mail("To: help@acme.example", "Subject: who?", "", "text")))
                .isInstanceOf(MalformedMailException.class)
                .hasMessageContaining("no sender");
        assertThatThrownBy(() -> parser.parse(mail("From: nobody", "", "text")))
                .isInstanceOf(MalformedMailException.class)
                .hasMessageContaining("no sender");
    }

    @Test
    void bytesThatAreNoMailAreRefused() {
        byte[] garbage = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff, '\r', '\n', 0, 0};

        assertThatThrownBy(() -> parser.parse(garbage)).isInstanceOf(MalformedMailException.class);
        assertThatThrownBy(() -> parser.parse(new byte[0])).isInstanceOf(MalformedMailException.class);
    }

    @Test
    void aMultipartWithoutItsPartsIsRefused() {
        byte[] raw = mail(FROM, "Content-Type: multipart/mixed; boundary=\"m\"", "", "no boundary ever comes");

        assertThatThrownBy(() -> parser.parse(raw))
                .isInstanceOf(MalformedMailException.class)
                .hasMessageStartingWith("Not a readable MIME message");
    }

    @Test
    void anUnreadableCcDoesNotLoseTheRequest() {
        ParsedMail parsed = parser.parse(mail(FROM, "To: help@acme.example", "Cc: <<broken", "", "text"));

        assertThat(parsed.to()).containsExactly("help@acme.example");
    }
}
