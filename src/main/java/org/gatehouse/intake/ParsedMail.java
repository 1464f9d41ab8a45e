package org.gatehouse.intake;

import java.util.List;

/**
 * An inbound e-mail as the intake needs it: who wrote, to whom, about what, which conversation it continues, and
 * whether a machine sent it. Attachments are metadata only; their content is never kept.
 *
 * @param messageId       the Message-ID without {@code <>}; null when the message has none
 * @param inReplyTo       the Message-ID it answers, without {@code <>}; null when none
 * @param references      the conversation's Message-IDs, oldest first, without {@code <>}
 * @param from            the sender's address, lower-cased
 * @param fromName        the sender's display name; null when none
 * @param to              the To and Cc addresses, lower-cased
 * @param subject         decoded; "" when none
 * @param text            the plain text, without the quoted history of earlier mails; "" when none
 * @param automated       whether a machine sent it, and what kind
 * @param automatedReason the header or sign that gave it away; null when {@link Automation#NONE}
 */
public record ParsedMail(
        String messageId,
        String inReplyTo,
        List<String> references,
        String from,
        String fromName,
        List<String> to,
        String subject,
        String text,
        List<Attachment> attachments,
        Automation automated,
        String automatedReason) {

    public ParsedMail {
        references = List.copyOf(references);
        to = List.copyOf(to);
        attachments = List.copyOf(attachments);
    }

    /** Sent by a machine: no person waits for an answer, and answering it could start a mail loop. */
    public boolean isAutomated() {
        return automated != Automation.NONE;
    }

    /**
     * @param filename    decoded; null when the part names none
     * @param contentType the MIME type without parameters, lower-cased
     * @param size        decoded bytes
     * @param refused     bigger than {@code gatehouse.mail.max-attachment-size}
     */
    public record Attachment(String filename, String contentType, long size, boolean refused) {
    }

    public enum Automation {
        NONE,
        /** an auto-responder: out of office, vacation notice, read receipt */
        AUTO_REPLY,
        /** a delivery failure report */
        BOUNCE,
        /** Gatehouse's own mail come back */
        LOOP,
        /** a mailing list or a newsletter */
        BULK
    }
}
