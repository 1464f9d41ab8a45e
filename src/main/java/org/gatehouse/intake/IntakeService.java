package org.gatehouse.intake;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gatehouse.channels.MailProperties;
import org.gatehouse.channels.Notifier;
import org.gatehouse.directory.Person;
import org.gatehouse.directory.PersonService;
import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.EmailAddresses;
import org.gatehouse.platform.EngineIdentity;
import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.InvalidInputException;
import org.gatehouse.platform.NotFoundException;
import org.gatehouse.tickets.ContactChannel;
import org.gatehouse.tickets.NewTicket;
import org.gatehouse.tickets.Origin;
import org.gatehouse.tickets.Ticket;
import org.gatehouse.tickets.TicketService;
import org.gatehouse.tickets.TicketWorkflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way in for every channel (API, e-mail, Slack, and later Teams): each message is stored first, in a
 * transaction of its own, and only then handled, so nothing that arrives is lost whatever happens next. Handling
 * decides, the same way for every channel: machine-made mail is ignored; an answer goes to the ticket it belongs to
 * (thread headers or a {@code [T-1042]} in the subject) if its sender takes part in it; an employee's new message
 * opens a ticket; anything else waits for an expert in the review queue (C10); bad input is refused, with its reason,
 * and a person who wrote by e-mail is told why (process {@code intake-notice}).
 */
@Service
public class IntakeService {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);
    private static final Pattern TICKET_IN_SUBJECT = Pattern.compile("\\[T-(\\d{1,18})]");

    private final InboundMessageRepository inbound;
    private final TicketWorkflow workflow;
    private final TicketService tickets;
    private final PersonService people;
    private final RefusalNotices notices;
    private final MailProperties mail;
    private final TransactionTemplate separately;
    private final EngineIdentity engineIdentity;
    private final Clock clock;

    IntakeService(InboundMessageRepository inbound, TicketWorkflow workflow, TicketService tickets, PersonService people,
            RefusalNotices notices, MailProperties mail, PlatformTransactionManager transactions,
            EngineIdentity engineIdentity, Clock clock) {
        this.inbound = inbound;
        this.workflow = workflow;
        this.tickets = tickets;
        this.people = people;
        this.notices = notices;
        this.mail = mail;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.engineIdentity = engineIdentity;
        this.clock = clock;
    }

    public record Outcome(String inboundId, InboundMessage.Status status, Long ticketId, String reason) {
    }

    /**
     * Stores the message and handles it. A refusal is recorded on the stored message and thrown, for a caller that
     * answers at once (the API).
     */
    public Outcome receive(Inbound message) {
        String id = store(message.channel(), message, null);
        return handle(id, message, false, true);
    }

    /** Stores a message as it arrived, before it is even read: a raw e-mail, base64. */
    public String store(ContactChannel channel, Inbound message, String raw) {
        String id = UUID.randomUUID().toString();
        separately.executeWithoutResult(s -> inbound.insert(id, channel.name(), message, raw, now()));
        return id;
    }

    /** Records what could not be read out of a stored message. */
    public Outcome refuse(String id, String reason) {
        separately.executeWithoutResult(s -> inbound.refused(id, reason, now()));
        return new Outcome(id, InboundMessage.Status.REFUSED, null, reason);
    }

    /** Handles a stored message, as the channel read it; a refusal is recorded and returned, not thrown. */
    public Outcome handle(String id, Inbound message) {
        return handle(id, message, true, false);
    }

    /**
     * Every step after the message is stored, {@code describe} (what the channel read out of it) included, sits in
     * the one try: a failure anywhere counts an attempt and lets go of the claim, so the message is tried again.
     */
    private Outcome handle(String id, Inbound message, boolean describe, boolean throwRefusal) {
        try {
            if (describe) {
                separately.executeWithoutResult(s -> inbound.describe(id, message));
            }
            if (message.messageId() != null && !claim(message.messageId(), id)) {
                return record(id, InboundMessage.Status.IGNORED, null, "duplicate of a message already received");
            }
            return separately.execute(s -> decide(id, message));
        } catch (InvalidInputException | ForbiddenException | NotFoundException e) {
            Outcome refused = separately.execute(s -> {
                inbound.refused(id, e.getMessage(), now());
                if (message.channel() == ContactChannel.EMAIL && message.sender() != null) {
                    // a person wrote (machine-made mail never gets here): they are told why, by mail
                    notices.tell(id);
                }
                return new Outcome(id, InboundMessage.Status.REFUSED, null, e.getMessage());
            });
            if (throwRefusal) {
                throw e;
            }
            return refused;
        } catch (RuntimeException e) {
            // stays RECEIVED, with the reason: an operator sees it, and the message is there to be handled again
            LOG.warn("Inbound message {} could not be handled", id, e);
            separately.executeWithoutResult(s -> {
                inbound.failed(id, "failed: " + e.getMessage(), now());
                // only this message's own claim, if it got one
                if (message.messageId() != null) {
                    inbound.release(message.messageId(), id);
                }
            });
            throw e;
        }
    }

    /** The database's unique key decides which stored copy of an e-mail is handled; a concurrent one waits for it. */
    private boolean claim(String messageId, String id) {
        return Boolean.TRUE.equals(separately.execute(s -> {
            try {
                inbound.claim(messageId, id, now());
                return true;
            } catch (DuplicateKeyException e) {
                s.setRollbackOnly();
                return false;
            }
        }));
    }

    private Outcome decide(String id, Inbound m) {
        if (m.automated() != null) {
            return decided(id, InboundMessage.Status.IGNORED, null, m.automated());
        }
        Optional<Long> answered = ticketAnswered(m);
        if (answered.isPresent()) {
            return answer(id, answered.get(), m);
        }
        if (answersNotification(m)) {
            return decided(id, InboundMessage.Status.IGNORED, null,
                    "an answer to one of Gatehouse's notifications, which ask for answers by their links");
        }
        Optional<Person> requester = requester(m);
        if (requester.isEmpty()) {
            return decided(id, InboundMessage.Status.REVIEW, null, reviewReason(m));
        }
        Person person = requester.get();
        Ticket ticket = asSender(m, () -> workflow.open(new NewTicket(m.subject(), m.body(), m.category(), m.channel(),
                person.id(), m.channel() == ContactChannel.EMAIL ? EmailAddresses.normalise(m.sender()) : person.id(),
                person.name(), m.onBehalfOf() == null ? person.id() : m.sender(), new Origin(id, m.messageId()))));
        return decided(id, InboundMessage.Status.TICKET, ticket.id(), null);
    }

    /** Its thread starts at a message Gatehouse sent ({@link Notifier#MESSAGE_ID_PREFIX}), and not on a ticket. */
    private boolean answersNotification(Inbound m) {
        return m.thread() != null && m.thread().stream().anyMatch(messageId -> messageId.startsWith(Notifier.MESSAGE_ID_PREFIX)
                && mail.companyDomains().stream().anyMatch(domain -> messageId.endsWith("@" + domain)));
    }

    private String reviewReason(Inbound m) {
        if (m.channel() != ContactChannel.EMAIL) {
            return "the sender is no active employee";
        }
        String domain = m.sender().substring(m.sender().indexOf('@') + 1).toLowerCase(Locale.ROOT);
        return mail.companyDomains().stream().anyMatch(domain::equalsIgnoreCase)
                ? "from an address of the company that is no active employee: an expert decides whether it is a request"
                : "from an outside sender: an expert decides whether it is a request";
    }

    /**
     * An answer lands on its ticket only when its sender takes part in it; a mail from anyone else waits for review,
     * and over the API there is no such ticket for them.
     */
    private Outcome answer(String id, long ticketId, Inbound m) {
        String sender = switch (m.channel()) {
            case EMAIL -> EmailAddresses.normalise(m.sender());
            // a chat ticket's requester is the directory person, named by their user id
            case SLACK, TEAMS -> sender(m).map(Person::id).orElse(m.sender());
            case API -> m.sender();
        };
        Origin origin = new Origin(id, m.messageId());
        switch (tickets.participant(ticketId, sender)) {
            case REQUESTER -> asSender(m, () -> workflow.fromRequester(ticketId, sender, m.senderName(), m.body(),
                    m.channel(), origin));
            case COLLABORATOR -> asSender(m, () -> workflow.fromCollaborator(ticketId, sender, m.body(), origin));
            default -> {
                if (m.channel() == ContactChannel.API) {
                    throw new NotFoundException("There is no ticket " + Ticket.reference(ticketId));
                }
                return decided(id, InboundMessage.Status.REVIEW, ticketId, "names " + Ticket.reference(ticketId)
                        + " but its sender takes no part in it");
            }
        }
        return decided(id, InboundMessage.Status.APPENDED, ticketId, null);
    }

    /**
     * The engine's history names the person who wrote, as it names the API's caller: a message from a directory
     * person runs as them (over the API the caller is already signed in; an outside sender stays unnamed).
     */
    private <T> T asSender(Inbound m, Supplier<T> work) {
        if (m.channel() == ContactChannel.API) {
            return work.get();
        }
        return sender(m).filter(p -> p.kind() == Person.Kind.EMPLOYEE && p.active())
                .map(p -> engineIdentity.as(p.id(), work)).orElseGet(work);
    }

    /** The ticket a message answers: named by the channel (API), by its thread headers, or in its subject. */
    private Optional<Long> ticketAnswered(Inbound m) {
        if (m.ticket() != null) {
            tickets.get(m.ticket());
            return Optional.of(m.ticket());
        }
        List<String> thread = m.thread() == null ? List.of() : m.thread();
        Optional<Long> byThread = tickets.ticketOfThread(thread);
        if (byThread.isPresent()) {
            return byThread;
        }
        Matcher reference = TICKET_IN_SUBJECT.matcher(m.subject() == null ? "" : m.subject());
        if (reference.find()) {
            long id = Long.parseLong(reference.group(1));
            tickets.get(id);
            return Optional.of(id);
        }
        return Optional.empty();
    }

    /**
     * Who the request is for: an active employee, found by the channel's own id. An expert may file for someone
     * else over the API.
     */
    private Optional<Person> requester(Inbound m) {
        if (m.onBehalfOf() != null && !m.onBehalfOf().isBlank()) {
            tickets.requireExpert(m.sender());
            return Optional.of(people.activeEmployee("requester", m.onBehalfOf().trim(), m.sender(), "file a request for",
                    "File your own request without onBehalfOf"));
        }
        return sender(m).filter(p -> p.kind() == Person.Kind.EMPLOYEE && p.active());
    }

    private Optional<Person> sender(Inbound m) {
        return switch (m.channel()) {
            case EMAIL -> people.findByEmail(m.sender());
            case SLACK -> people.findBySlackId(m.sender());
            case TEAMS -> people.findByTeamsId(m.sender());
            case API -> people.find(m.sender());
        };
    }

    /** C10: an expert turns a message from the review queue into a request, for its sender or for an employee. */
    public Outcome convert(String id, String requesterId, String category, String expert) {
        tickets.requireExpert(expert);
        InboundMessage message = inbound.find(id).orElseThrow(() -> new NotFoundException("There is no message " + id));
        if (message.status() != InboundMessage.Status.REVIEW) {
            throw new ConflictException("status", "The message is " + message.status() + ", not waiting for review");
        }
        return separately.execute(s -> {
            Person person = requesterId == null || requesterId.isBlank() ? null
                    : people.activeEmployee("requester", requesterId.trim(), expert, "file a request for",
                            "An expert does not file a message for themselves");
            ContactChannel channel = ContactChannel.valueOf(message.channel());
            String address = person == null ? EmailAddresses.normalise(message.sender())
                    : channel == ContactChannel.EMAIL && person.email() != null ? person.email() : person.id();
            Ticket ticket = workflow.open(new NewTicket(message.subject(), message.body(), category,
                    person == null || channel == ContactChannel.EMAIL ? channel : ContactChannel.API,
                    person == null ? null : person.id(), address,
                    person == null ? message.senderName() : person.name(), expert, new Origin(id, message.messageId())));
            if (!inbound.outcomeFrom(id, InboundMessage.Status.REVIEW, InboundMessage.Status.CONVERTED, ticket.id(), expert,
                    now())) {
                throw new ConflictException("status", "Someone else dealt with the message meanwhile");
            }
            return new Outcome(id, InboundMessage.Status.CONVERTED, ticket.id(), null);
        });
    }

    public Outcome dismiss(String id, String expert) {
        tickets.requireExpert(expert);
        if (!inbound.outcomeFrom(id, InboundMessage.Status.REVIEW, InboundMessage.Status.DISMISSED, null, expert, now())) {
            inbound.find(id).orElseThrow(() -> new NotFoundException("There is no message " + id));
            throw new ConflictException("status", "The message is not waiting for review");
        }
        return new Outcome(id, InboundMessage.Status.DISMISSED, null, null);
    }

    /** Experts see what came in, by what became of it: the review queue, or the refused and ignored messages. */
    public List<InboundMessage> list(InboundMessage.Status status, String expert, int limit) {
        tickets.requireExpert(expert);
        return inbound.byStatus(status, Math.max(1, Math.min(limit, 500)));
    }

    /** The outcome, in the transaction that made it: a ticket and the record of it commit together. */
    private Outcome decided(String id, InboundMessage.Status status, Long ticketId, String reason) {
        inbound.outcome(id, status, reason, ticketId, null, now());
        return new Outcome(id, status, ticketId, reason);
    }

    private Outcome record(String id, InboundMessage.Status status, Long ticketId, String reason) {
        separately.executeWithoutResult(s -> inbound.outcome(id, status, reason, ticketId, null, now()));
        return new Outcome(id, status, ticketId, reason);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
