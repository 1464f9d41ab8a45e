package org.gatehouse.intake;

import java.time.LocalDateTime;

/**
 * A message as it came in, on any channel, stored before anything else happens to it, and what became of it.
 * {@code raw} holds an e-mail exactly as received (base64), the proof of what arrived. {@code receivedSize} is the
 * size of what arrived (an e-mail's bytes, else the text's characters): of a refused message only an excerpt is kept.
 */
public record InboundMessage(
        String id,
        String channel,
        String sender,
        String senderName,
        String subject,
        String body,
        String messageId,
        Status status,
        String reason,
        Long ticketId,
        LocalDateTime receivedAt,
        LocalDateTime processedAt,
        String processedBy,
        Long receivedSize) {

    public enum Status {
        /** stored, not handled yet (or handling failed and will be tried again) */
        RECEIVED,
        /** opened a ticket */
        TICKET,
        /** added to the ticket it answers */
        APPENDED,
        /** waits for an expert (C10: an outside sender, or a stranger to the ticket it names) */
        REVIEW,
        /** an expert turned it into a ticket */
        CONVERTED,
        /** an expert decided it is no request */
        DISMISSED,
        /** an auto-reply, a bounce, a loop or bulk mail: never a ticket */
        IGNORED,
        /** bad input: empty, malformed, too big, or an answer to a closed ticket */
        REFUSED
    }
}
