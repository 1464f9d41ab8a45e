package org.gatehouse.tickets;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Pattern;

import org.gatehouse.directory.Person;
import org.gatehouse.directory.PersonService;
import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.EmailAddresses;
import org.gatehouse.platform.InvalidInputException;
import org.gatehouse.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * C9: the outside people an expert lets take part in one ticket: they receive its replies and notes by e-mail and
 * answer into its internal conversation, until they are removed or the ticket closes.
 */
@Service
public class TicketCollaborators {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final TicketService tickets;
    private final TicketRepository records;
    private final ConversationRepository conversation;
    private final PersonService people;
    private final Clock clock;

    TicketCollaborators(TicketService tickets, TicketRepository records, ConversationRepository conversation,
            PersonService people, Clock clock) {
        this.tickets = tickets;
        this.records = records;
        this.conversation = conversation;
        this.people = people;
        this.clock = clock;
    }

    /** An expert lets an outside address take part in this ticket only. */
    @Transactional
    public List<String> add(long id, String email, String expert) {
        tickets.requireExpert(expert);
        Ticket ticket = tickets.get(id);
        ticket.requireNotClosed();
        String address = email == null ? "" : EmailAddresses.normalise(email);
        if (!EMAIL.matcher(address).matches() || address.length() > 320) {
            throw new InvalidInputException("email", "'" + email + "' is not an e-mail address");
        }
        if (people.findByEmail(address).filter(p -> p.kind() == Person.Kind.EMPLOYEE).isPresent()) {
            throw new ConflictException("email", address + " is an employee: collaborators are outside people");
        }
        if (conversation.addCollaborator(id, address, expert, now())) {
            records.event(id, "COLLABORATOR_ADDED", expert, address, now());
        }
        return conversation.collaborators(id);
    }

    @Transactional
    public List<String> remove(long id, String email, String expert) {
        tickets.requireExpert(expert);
        String address = EmailAddresses.normalise(email);
        if (!conversation.removeCollaborator(id, address, now())) {
            throw new NotFoundException(address + " takes no part in " + tickets.get(id).reference());
        }
        records.event(id, "COLLABORATOR_REMOVED", expert, address, now());
        return conversation.collaborators(id);
    }

    /** A closed ticket has no collaborators any more. */
    void ticketClosed(long id) {
        conversation.removeCollaborators(id, now());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
