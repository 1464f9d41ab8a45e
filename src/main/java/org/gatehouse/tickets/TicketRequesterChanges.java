package org.gatehouse.tickets;

import java.time.Clock;
import java.time.LocalDateTime;

import org.gatehouse.directory.Person;
import org.gatehouse.directory.PersonService;
import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** C4: an expert names another requester; the change, who made it and when stay on the ticket. */
@Service
class TicketRequesterChanges {

    private final TicketService tickets;
    private final TicketRepository records;
    private final PersonService people;
    private final Clock clock;

    TicketRequesterChanges(TicketService tickets, TicketRepository records, PersonService people, Clock clock) {
        this.tickets = tickets;
        this.records = records;
        this.people = people;
        this.clock = clock;
    }

    @Transactional
    public Ticket change(long id, String requesterId, String reason, String expert) {
        tickets.requireExpert(expert);
        Ticket ticket = tickets.get(id);
        ticket.requireNotClosed();
        Person person = people.find(requesterId == null ? "" : requesterId.trim()).filter(Person::active)
                .orElseThrow(() -> new InvalidInputException("requester", "There is no active person '" + requesterId + "'"));
        if (person.id().equals(ticket.requesterId())) {
            throw new ConflictException("requester", person.id() + " is the requester already");
        }
        // an e-mail ticket keeps answering by e-mail, to the new requester's address; any other goes to their chat
        ContactChannel channel = ticket.channel() == ContactChannel.EMAIL && person.email() != null ? ContactChannel.EMAIL
                : ticket.channel() == ContactChannel.EMAIL ? ContactChannel.API : ticket.channel();
        String address = channel == ContactChannel.EMAIL ? person.email() : person.id();
        LocalDateTime now = LocalDateTime.now(clock);
        records.changeRequester(id, person.id(), address, person.name(), channel, now);
        records.event(id, "REQUESTER_CHANGED", expert, "from " + ticket.requesterAddress() + " to " + person.id()
                + (reason == null || reason.isBlank() ? "" : ": " + reason.trim()), now);
        return tickets.get(id);
    }
}
