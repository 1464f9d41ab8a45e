package org.gatehouse.tickets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.gatehouse.directory.Person;
import org.gatehouse.directory.PersonService;
import org.gatehouse.directory.RequesterProfiles;
import org.gatehouse.directory.RoleService;
import org.gatehouse.platform.EmailAddresses;
import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.NotFoundException;
import org.gatehouse.platform.RefusedStepException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A ticket as people see it (C2, C6): finding it, showing it to whoever may see it, and who is who on it. What
 * happens to a ticket is the work of {@link TicketHandling} (its way from filing to closing), {@link TicketConversation}
 * (what is said on it), {@link TicketCollaborators}, {@link TicketRequesterChanges} and {@link TicketSlaAlerts}; the
 * process drives them, and none calls the engine itself ({@link TicketWorkflow} does).
 */
@Service
public class TicketService {

    static final String GATEHOUSE = "gatehouse";

    private final TicketRepository tickets;
    private final ConversationRepository conversation;
    private final PersonService people;
    private final RoleService roles;
    private final RequesterProfiles profiles;

    TicketService(TicketRepository tickets, ConversationRepository conversation, PersonService people, RoleService roles,
            RequesterProfiles profiles) {
        this.tickets = tickets;
        this.conversation = conversation;
        this.people = people;
        this.roles = roles;
        this.profiles = profiles;
    }

    /** Who {@code address} is to the ticket: its requester, one of its collaborators, or nobody. */
    public Participant participant(long id, String address) {
        Ticket ticket = get(id);
        if (address.equalsIgnoreCase(ticket.requesterAddress())
                || ticket.requesterId() != null && people.find(ticket.requesterId()).map(Person::email)
                        .filter(address::equalsIgnoreCase).isPresent()) {
            return Participant.REQUESTER;
        }
        return conversation.collaborators(id).contains(EmailAddresses.normalise(address)) ? Participant.COLLABORATOR
                : Participant.NONE;
    }

    public enum Participant { REQUESTER, COLLABORATOR, NONE }

    public Optional<Long> ticketOfThread(List<String> messageIds) {
        return conversation.ticketOfThread(messageIds);
    }

    /**
     * Refuses a step of {@code processInstanceId} on a ticket that belongs to another instance. A ticket is stored
     * before its process starts, so the first step of its instance binds it, once.
     */
    @Transactional
    public void requireProcess(long id, String processInstanceId) {
        Ticket ticket = get(id);
        RefusedStepException.requireOwner(Ticket.RECORD, ticket.reference(), ticket.processInstanceId(), processInstanceId,
                () -> tickets.bindProcessInstance(id, processInstanceId));
    }

    public TicketView view(long id, String viewer) {
        Ticket ticket = find(id, viewer);
        if (roles.isExpertOrAdmin(viewer)) {
            return asExperts(ticket);
        }
        List<TicketView.Message> messages = conversation.messages(id).stream().filter(m -> m.kind().seenByRequester())
                .map(TicketView.Message::of).toList();
        return TicketView.of(ticket, messages, null, List.of(), List.of());
    }

    /**
     * The ticket as experts see it (C2, C11), for a reader who is no expert and whom the caller has let in: the
     * auditors, who see what experts see and no more.
     */
    public TicketView asExpertsSee(long id) {
        return asExperts(get(id));
    }

    private TicketView asExperts(Ticket ticket) {
        long id = ticket.id();
        List<TicketView.Message> messages = conversation.messages(id).stream().map(TicketView.Message::of).toList();
        Map<String, String> requester = ticket.requesterId() == null ? null : profiles.forExperts(ticket.requesterId());
        return TicketView.of(ticket, messages, requester, conversation.collaborators(id), tickets.events(id));
    }

    /**
     * The text the routing decision reads, rebuilt from the ticket's own tables (its subject and first message): the
     * engine's history keeps no value of it.
     */
    public String routingText(long id) {
        Ticket ticket = get(id);
        String request = conversation.messages(id).stream().filter(m -> m.kind() == TicketMessage.Kind.REQUEST)
                .map(TicketMessage::body).findFirst().orElse("");
        return routingText(ticket.subject(), request);
    }

    /** What the routing rules' keywords are matched against: subject and first message, lower-case, as long as fits. */
    static String routingText(String subject, String body) {
        String text = (subject + "\n" + body).toLowerCase(Locale.ROOT);
        return text.length() > TicketProcess.MAX_STRING ? text.substring(0, TicketProcess.MAX_STRING) : text;
    }

    /** Every message that left, to whom and when, oldest first. */
    public List<TicketView.Delivery> deliveries(long id) {
        return conversation.delivered(id);
    }

    /** Experts see every ticket (C6); everyone else their own. */
    public List<TicketView.Summary> list(String viewer, Ticket.Status status, String team, int limit) {
        boolean expert = roles.isExpertOrAdmin(viewer);
        return tickets.list(expert ? null : viewer, status, team, Math.max(1, Math.min(limit, 500))).stream()
                .map(TicketView.Summary::of).toList();
    }

    /** The requester's permitted attributes (C2) for the handling form, one per line. */
    String requesterSummary(long id) {
        Ticket ticket = get(id);
        if (ticket.requesterId() == null) {
            return ticket.requesterAddress() + " (not in the directory)";
        }
        List<String> lines = new ArrayList<>();
        profiles.forExperts(ticket.requesterId()).forEach((k, v) -> lines.add(k + ": " + (v == null ? "" : v)));
        return String.join("\n", lines);
    }

    public Ticket get(long id) {
        return tickets.find(id).orElseThrow(() -> notFound(id));
    }

    Ticket find(long id, String viewer) {
        Ticket ticket = get(id);
        if (!roles.isExpertOrAdmin(viewer) && !viewer.equals(ticket.requesterId())) {
            throw notFound(id);
        }
        return ticket;
    }

    public void requireExpert(String user) {
        if (user == null || !roles.isExpertOrAdmin(user)) {
            throw new ForbiddenException("Only experts handle tickets");
        }
    }

    /** How a person is named on a ticket: by their name in the directory, else by their id. */
    String nameOf(String userId) {
        return people.nameOf(userId);
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("There is no ticket " + Ticket.reference(id));
    }
}
