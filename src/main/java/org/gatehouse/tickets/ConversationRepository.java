package org.gatehouse.tickets;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.gatehouse.platform.EmailAddresses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** A ticket's conversation: its messages, what is to be delivered and was, and its outside collaborators. */
@Repository
class ConversationRepository {

    private static final String MESSAGE_COLUMNS = "id, ticket_id, kind, author, author_name, body, via, inbound_id, external_id, created_at";

    private final JdbcClient jdbc;

    ConversationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertMessage(long ticketId, TicketMessage.Kind kind, String author, String authorName, String body, String via,
            Origin origin, LocalDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into ticket_message (ticket_id, kind, author, author_name, body, via, inbound_id, external_id, "
                        + "created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(ticketId, kind.name(), author, authorName, body, via, origin.inboundId(), origin.externalId(), now)
                .update(key, "id");
        return key.getKey().longValue();
    }

    List<TicketMessage> messages(long ticketId) {
        return jdbc.sql("select " + MESSAGE_COLUMNS + " from ticket_message where ticket_id = ? order by id")
                .param(ticketId).query(TicketMessage.class).list();
    }

    TicketMessage message(long id) {
        return jdbc.sql("select " + MESSAGE_COLUMNS + " from ticket_message where id = ?").param(id)
                .query(TicketMessage.class).single();
    }

    void insertDelivery(long messageId, long ticketId, ContactChannel channel, String recipient) {
        jdbc.sql("insert into ticket_delivery (message_id, ticket_id, channel, recipient) values (?, ?, ?, ?)")
                .params(messageId, ticketId, channel.name(), recipient).update();
    }

    List<Delivery> pendingDeliveries(long ticketId) {
        return jdbc.sql("select id, message_id, channel, recipient from ticket_delivery "
                        + "where ticket_id = ? and delivered_at is null order by id")
                .param(ticketId).query(Delivery.class).list();
    }

    List<TicketView.Delivery> delivered(long ticketId) {
        return jdbc.sql("select message_id, channel, recipient, delivered_at as at from ticket_delivery "
                        + "where ticket_id = ? and delivered_at is not null order by delivered_at, id")
                .param(ticketId).query(TicketView.Delivery.class).list();
    }

    void delivered(long deliveryId, String externalId, LocalDateTime now) {
        jdbc.sql("update ticket_delivery set external_id = ?, delivered_at = ? where id = ?")
                .params(externalId, now, deliveryId).update();
    }

    /**
     * The e-mail thread with this address, newest first: what Gatehouse sent them and what they wrote, so a reply
     * threads in their mail client and their answer finds its ticket.
     */
    List<String> thread(long ticketId, String address) {
        return jdbc.sql("select id from (select external_id as id, delivered_at as at from ticket_delivery "
                        + "where ticket_id = :ticket and recipient = :address and external_id is not null union all "
                        + "select external_id as id, created_at as at from ticket_message "
                        + "where ticket_id = :ticket and lower(author) = :address and external_id is not null) t "
                        + "order by at desc")
                .param("ticket", ticketId).param("address", EmailAddresses.normalise(address))
                .query(String.class).list();
    }

    /** The ticket that one of these message ids (sent by Gatehouse, or received on a ticket) belongs to. */
    Optional<Long> ticketOfThread(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select ticket_id from ticket_delivery where external_id in (:ids) union "
                        + "select ticket_id from ticket_message where external_id in (:ids)")
                .param("ids", messageIds).query(Long.class).list().stream().findFirst();
    }

    boolean addCollaborator(long ticketId, String email, String addedBy, LocalDateTime now) {
        if (jdbc.sql("update ticket_collaborator set removed_at = null, added_by = ?, added_at = ? "
                        + "where ticket_id = ? and email = ?")
                .params(addedBy, now, ticketId, email).update() > 0) {
            return true;
        }
        return jdbc.sql("insert into ticket_collaborator (ticket_id, email, added_by, added_at) values (?, ?, ?, ?)")
                .params(ticketId, email, addedBy, now).update() > 0;
    }

    boolean removeCollaborator(long ticketId, String email, LocalDateTime now) {
        return jdbc.sql("update ticket_collaborator set removed_at = ? where ticket_id = ? and email = ? "
                        + "and removed_at is null")
                .params(now, ticketId, email).update() > 0;
    }

    void removeCollaborators(long ticketId, LocalDateTime now) {
        jdbc.sql("update ticket_collaborator set removed_at = ? where ticket_id = ? and removed_at is null")
                .params(now, ticketId).update();
    }

    List<String> collaborators(long ticketId) {
        return jdbc.sql("select email from ticket_collaborator where ticket_id = ? and removed_at is null order by added_at")
                .param(ticketId).query(String.class).list();
    }

    record Delivery(long id, long messageId, ContactChannel channel, String recipient) {
    }
}
