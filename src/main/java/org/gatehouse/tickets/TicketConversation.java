package org.gatehouse.tickets;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is said on a ticket (C9, C11): the requester's messages, the experts' replies and notes, the collaborators'
 * answers, to whom each is to be delivered, and the transcript the handling form shows. Nothing here moves the ticket.
 */
@Service
class TicketConversation {

    /** How much of the conversation the handling form shows, newest first: it is an engine variable. */
    static final int TRANSCRIPT_LENGTH = TicketProcess.MAX_STRING - 200;

    private final TicketService tickets;
    private final ConversationRepository conversation;
    private final TicketProperties properties;
    private final Clock clock;

    TicketConversation(TicketService tickets, ConversationRepository conversation, TicketProperties properties,
            Clock clock) {
        this.tickets = tickets;
        this.conversation = conversation;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new ticket's conversation: the requester's first message, and a receipt that tells them its reference. */
    void begin(Ticket ticket, NewTicket draft, String body, LocalDateTime now) {
        conversation.insertMessage(ticket.id(), TicketMessage.Kind.REQUEST, draft.requesterAddress(), draft.requesterName(),
                body, draft.channel().name(), draft.origin(), now);
        post(ticket, TicketMessage.Kind.REPLY, TicketService.GATEHOUSE, "Gatehouse", "We received your request "
                + ticket.reference() + ". An expert will answer here; to add something, answer this message.",
                draft.channel().name(), Origin.none());
    }

    /**
     * Gatehouse reminds the requester of a question, in the ticket's own thread (a reply they can answer); to them
     * alone, unlike a reply: the collaborators were asked nothing.
     */
    TicketMessage reminder(Ticket ticket, String text) {
        long messageId = conversation.insertMessage(ticket.id(), TicketMessage.Kind.REPLY, TicketService.GATEHOUSE,
                "Gatehouse", body(text), ticket.channel().name(), Origin.none(), LocalDateTime.now(clock));
        conversation.insertDelivery(messageId, ticket.id(), ticket.channel(), ticket.requesterAddress());
        return conversation.message(messageId);
    }

    /** C11: a reply goes to the requester, through the ticket's channel, and to its collaborators. */
    @Transactional
    public TicketMessage reply(long id, String expert, String text, String via) {
        tickets.requireExpert(expert);
        Ticket ticket = tickets.get(id);
        ticket.requireNotClosed();
        return post(ticket, TicketMessage.Kind.REPLY, expert, tickets.nameOf(expert), body(text), via, Origin.none());
    }

    /** C11: an internal note: experts see it, and the ticket's collaborators receive it; the requester never does. */
    @Transactional
    public TicketMessage note(long id, String expert, String text, String via) {
        tickets.requireExpert(expert);
        Ticket ticket = tickets.get(id);
        ticket.requireNotClosed();
        return post(ticket, TicketMessage.Kind.NOTE, expert, tickets.nameOf(expert), body(text), via, Origin.none());
    }

    /**
     * The requester writes again. On a closed ticket it is refused: the reopen window is over, and a new message
     * opens a new ticket.
     */
    @Transactional
    public TicketMessage fromRequester(long id, String author, String authorName, String text, ContactChannel via,
            Origin origin) {
        Ticket ticket = tickets.get(id);
        ticket.requireNotClosed();
        return post(ticket, TicketMessage.Kind.ANSWER, author, authorName, body(text), via.name(), origin);
    }

    /** C9: a collaborator's answer by e-mail is part of the internal conversation. */
    @Transactional
    public TicketMessage fromCollaborator(long id, String email, String text, Origin origin) {
        Ticket ticket = tickets.get(id);
        ticket.requireNotClosed();
        if (!conversation.collaborators(id).contains(email)) {
            throw new ForbiddenException(email + " takes no part in " + ticket.reference());
        }
        return post(ticket, TicketMessage.Kind.NOTE, email, email, body(text), ContactChannel.EMAIL.name(), origin);
    }

    /** The answer of an approval, as a note for the experts that goes to nobody. */
    void approvalNote(long id, String approver, String outcome, String comment) {
        String text = "Approval " + outcome.toLowerCase(Locale.ROOT)
                + (approver == null ? "" : " by " + tickets.nameOf(approver))
                + (comment == null || comment.isBlank() ? "" : ": " + comment);
        conversation.insertMessage(id, TicketMessage.Kind.NOTE, TicketService.GATEHOUSE, "Gatehouse", text, "TASKLIST",
                Origin.none(), LocalDateTime.now(clock));
    }

    public HandlingForm handlingForm(long id) {
        return new HandlingForm(transcript(id), tickets.requesterSummary(id));
    }

    /** The conversation as the handling form shows it: oldest first, notes marked. */
    public String transcript(long id) {
        return transcript(id, conversation.messages(id));
    }

    /**
     * The newest messages that fit in {@link #TRANSCRIPT_LENGTH}, oldest first, with the beginning of the one that
     * does not fit when there is room enough to say something, and how many earlier ones are left out. The variable is
     * rewritten at every message (its history keeps no value).
     */
    static String transcript(long id, List<TicketMessage> messages) {
        List<String> shown = new ArrayList<>();
        int length = 0;
        for (int i = messages.size() - 1; i >= 0; i--) {
            TicketMessage m = messages.get(i);
            String entry = m.createdAt().withNano(0) + " " + (m.authorName() == null ? m.author() : m.authorName())
                    + (m.kind() == TicketMessage.Kind.NOTE ? " (internal note)" : "") + ":\n" + m.body();
            int room = TRANSCRIPT_LENGTH - length;
            if (entry.length() > room) {
                if (room > 200) {
                    shown.add(0, entry.substring(0, room) + " [...]");
                }
                break;
            }
            shown.add(0, entry);
            length += entry.length() + 2;
        }
        int earlier = messages.size() - shown.size();
        if (earlier > 0) {
            shown.add(0, "(" + earlier + " earlier messages: GET /api/tickets/" + id + ")");
        }
        return String.join("\n\n", shown);
    }

    /** A message's text, stripped; an empty one or one above the configured length is refused. */
    String body(String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new InvalidInputException("body", "The message is empty");
        }
        if (body.length() > properties.maxBodyLength()) {
            throw new InvalidInputException("body", "The message is longer than " + properties.maxBodyLength()
                    + " characters");
        }
        return body;
    }

    /** Stores a message and, for every recipient it goes to, a delivery that the process carries out. */
    private TicketMessage post(Ticket ticket, TicketMessage.Kind kind, String author, String authorName, String body,
            String via, Origin origin) {
        long messageId = conversation.insertMessage(ticket.id(), kind, author, authorName, body, via, origin,
                LocalDateTime.now(clock));
        if (kind == TicketMessage.Kind.REPLY) {
            conversation.insertDelivery(messageId, ticket.id(), ticket.channel(), ticket.requesterAddress());
        }
        if (kind == TicketMessage.Kind.REPLY || kind == TicketMessage.Kind.NOTE) {
            conversation.collaborators(ticket.id()).stream().filter(c -> !c.equalsIgnoreCase(author))
                    .forEach(c -> conversation.insertDelivery(messageId, ticket.id(), ContactChannel.EMAIL, c));
        }
        return conversation.message(messageId);
    }
}
