package org.gatehouse.tickets;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is waiting to be delivered on a ticket, each through its channel. Each delivery is marked sent in a
 * transaction of its own as soon as it leaves, so a retry after a failure halfway sends only what is left.
 */
@Service
class TicketDelivery {

    private final ConversationRepository conversation;
    private final TicketService tickets;
    private final Map<ContactChannel, ConversationChannel> channels = new EnumMap<>(ContactChannel.class);
    private final TransactionTemplate separately;
    private final Clock clock;

    TicketDelivery(ConversationRepository conversation, TicketService tickets, List<ConversationChannel> channels,
            PlatformTransactionManager transactions, Clock clock) {
        this.conversation = conversation;
        this.tickets = tickets;
        channels.forEach(channel -> channel.serves().forEach(c -> this.channels.put(c, channel)));
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** @return how many were sent */
    int deliverPending(long ticketId) {
        Ticket ticket = tickets.get(ticketId);
        List<ConversationRepository.Delivery> pending = conversation.pendingDeliveries(ticketId);
        for (ConversationRepository.Delivery delivery : pending) {
            ConversationChannel channel = channels.get(delivery.channel());
            if (channel == null) {
                throw new IllegalStateException("No way to send over " + delivery.channel() + " is configured");
            }
            TicketMessage message = conversation.message(delivery.messageId());
            var outgoing = new ConversationChannel.Outgoing(ticket.reference(), ticket.subject(), delivery.recipient(),
                    text(message), conversation.thread(ticketId, delivery.recipient()), ticket.processInstanceId());
            // the send and its record commit together: an outbox message is kept exactly when it is marked delivered
            separately.executeWithoutResult(status -> conversation.delivered(delivery.id(), channel.send(outgoing),
                    LocalDateTime.now(clock)));
        }
        return pending.size();
    }

    private static String text(TicketMessage message) {
        String from = message.authorName() == null ? message.author() : message.authorName();
        return (message.kind() == TicketMessage.Kind.NOTE ? "Internal note from " : "From ") + from + ":\n\n"
                + message.body();
    }
}
