package org.gatehouse.intake;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InboundMessageRepository {

    private static final String COLUMNS = "id, channel, sender, sender_name, subject, body, message_id, status, reason, "
            + "ticket_id, received_at, processed_at, processed_by, received_size";

    private final JdbcClient jdbc;
    private final IntakeProperties properties;

    InboundMessageRepository(JdbcClient jdbc, IntakeProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    void insert(String id, String channel, Inbound m, String raw, LocalDateTime now) {
        String body = m == null ? null : m.body();
        Long size = raw != null ? Long.valueOf(base64Bytes(raw)) : body == null ? null : Long.valueOf(body.length());
        jdbc.sql("insert into inbound_message (id, channel, sender, sender_name, subject, body, raw, message_id, status, "
                        + "received_at, received_size) values (?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?)")
                .params(id, channel, m == null ? null : m.sender(), m == null ? null : m.senderName(),
                        m == null ? null : m.subject(), body, raw, m == null ? null : m.messageId(), now, size)
                .update();
    }

    /** How many bytes a base64 text encodes. */
    private static long base64Bytes(String base64) {
        int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
        return base64.length() / 4L * 3 - padding;
    }

    /**
     * A refused message keeps its reason, an excerpt of its text and of its raw e-mail (cut at a whole base64 group,
     * so it still decodes), and the size of the whole, recorded when it was stored: never the whole.
     */
    void refused(String id, String reason, LocalDateTime now) {
        int excerpt = properties.excerptLength();
        jdbc.sql("update inbound_message set status = 'REFUSED', reason = ?, processed_at = ?, "
                        + "body = substring(body from 1 for ?), raw = substring(raw from 1 for ?) where id = ?")
                .params(Inbound.clip(reason, 1000), now, excerpt, excerpt / 4 * 4, id).update();
    }

    /** What the parser read out of a stored raw message. */
    void describe(String id, Inbound m) {
        jdbc.sql("update inbound_message set sender = ?, sender_name = ?, subject = ?, body = ?, message_id = ? where id = ?")
                .params(m.sender(), m.senderName(), m.subject(), m.body(), m.messageId(), id).update();
    }

    void outcome(String id, InboundMessage.Status status, String reason, Long ticketId, String by, LocalDateTime now) {
        jdbc.sql("update inbound_message set status = ?, reason = ?, ticket_id = ?, processed_by = ?, processed_at = ? "
                        + "where id = ?")
                .params(status.name(), Inbound.clip(reason, 1000), ticketId, by, now, id).update();
    }

    /** Handling failed: the message stays RECEIVED, with the reason, and counts one more attempt. */
    void failed(String id, String reason, LocalDateTime now) {
        jdbc.sql("update inbound_message set status = 'RECEIVED', reason = ?, attempts = attempts + 1, processed_at = ? "
                        + "where id = ?")
                .params(Inbound.clip(reason, 1000), now, id).update();
    }

    /** A stored e-mail to handle again. */
    record Stored(String id, String raw) {
    }

    /** E-mails stored before {@code before} and still not handled, after fewer than {@code attempts} tries. */
    List<Stored> unhandledEmails(LocalDateTime before, int attempts, int limit) {
        return jdbc.sql("select id, raw from inbound_message where status = 'RECEIVED' and channel = 'EMAIL' "
                        + "and raw is not null and attempts < ? and received_at < ? order by received_at limit ?")
                .params(attempts, before, limit).query(Stored.class).list();
    }

    /** Moves a message on only from {@code from}: two experts converting the same mail cannot both succeed. */
    boolean outcomeFrom(String id, InboundMessage.Status from, InboundMessage.Status to, Long ticketId, String by,
            LocalDateTime now) {
        return jdbc.sql("update inbound_message set status = ?, ticket_id = ?, processed_by = ?, processed_at = ? "
                        + "where id = ? and status = ?")
                .params(to.name(), ticketId, by, now, id, from.name()).update() > 0;
    }

    Optional<InboundMessage> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from inbound_message where id = ?").param(id)
                .query(InboundMessage.class).optional();
    }

    /**
     * Claims the Message-ID for this stored message; a {@code DuplicateKeyException} when another message holds it
     * (the same e-mail, read twice or by another instance), which spoils the transaction on PostgreSQL.
     */
    void claim(String messageId, String inboundId, LocalDateTime now) {
        jdbc.sql("insert into inbound_message_claim (message_id, inbound_id, claimed_at) values (?, ?, ?)")
                .params(messageId, inboundId, now).update();
    }

    /** Lets go of a claim whose handling failed, so the next reading of the mailbox handles the e-mail again. */
    void release(String messageId, String inboundId) {
        jdbc.sql("delete from inbound_message_claim where message_id = ? and inbound_id = ?").params(messageId, inboundId)
                .update();
    }

    List<InboundMessage> byStatus(InboundMessage.Status status, int limit) {
        return jdbc.sql("select " + COLUMNS + " from inbound_message where status = ? order by received_at desc limit ?")
                .params(status.name(), limit).query(InboundMessage.class).list();
    }
}
