package org.gatehouse.tickets;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The ticket rows and their history. Status changes are conditional updates, so a race loses instead of overwriting,
 * and each is recorded.
 */
@Repository
class TicketRepository {

    private static final String COLUMNS = "id, subject, category, channel, requester_id, requester_address, requester_name, "
            + "team, assignee, status, created_by, created_at, routed_at, first_response_due, first_response_warn, "
            + "first_responded_at, first_response_breached_at, resolution_due, resolution_warn, resolution_breached_at, "
            + "sla_paused_at, resolved_at, closed_at, process_instance_id";

    private final JdbcClient jdbc;

    TicketRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String subject, String category, ContactChannel channel, String requesterId, String requesterAddress,
            String requesterName, String createdBy, LocalDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into ticket (subject, category, channel, requester_id, requester_address, requester_name, status, "
                        + "created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?)")
                .params(subject, category, channel.name(), requesterId, requesterAddress, requesterName, createdBy, now, now)
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<Ticket> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from ticket where id = ?").param(id).query(Ticket.class).optional();
    }

    /** Newest first; {@code requesterId} and {@code status} narrow it down when given. */
    List<Ticket> list(String requesterId, Ticket.Status status, String team, int limit) {
        return jdbc.sql("select " + COLUMNS + " from ticket where (cast(:requester as varchar(64)) is null or requester_id = :requester) "
                        + "and (cast(:status as varchar(16)) is null or status = :status) and (cast(:team as varchar(59)) is null or team = :team) "
                        + "order by id desc limit :limit")
                .param("requester", requesterId).param("status", status == null ? null : status.name())
                .param("team", team).param("limit", limit)
                .query(Ticket.class).list();
    }

    void route(long id, String team, LocalDateTime routedAt, Sla sla) {
        jdbc.sql("update ticket set team = ?, routed_at = ?, first_response_due = ?, first_response_warn = ?, "
                        + "resolution_due = ?, resolution_warn = ?, updated_at = ? where id = ?")
                .params(team, routedAt, sla.firstResponseDue(), sla.firstResponseWarn(), sla.resolutionDue(),
                        sla.resolutionWarn(), routedAt, id)
                .update();
    }

    /** Another team has the ticket now, and none of its members holds it yet; its SLA due times stay. */
    void transfer(long id, String team, LocalDateTime now) {
        jdbc.sql("update ticket set team = ?, assignee = null, updated_at = ? where id = ?").params(team, now, id).update();
    }

    void resolutionClock(long id, LocalDateTime due, LocalDateTime warn, LocalDateTime now) {
        jdbc.sql("update ticket set resolution_due = ?, resolution_warn = ?, sla_paused_at = null, updated_at = ? "
                        + "where id = ?")
                .params(due, warn, now, id).update();
    }

    /**
     * The one way a ticket's status changes: as the table of {@link Ticket.Status} allows, only from the status the
     * ticket was read in, and into its history. False when a concurrent step moved it first: that step recorded its own
     * change, and this one changes nothing.
     */
    boolean changeStatus(Ticket ticket, Ticket.Status to, String actor, LocalDateTime now) {
        ticket.requireMayBecome(to);
        boolean moved = jdbc.sql("update ticket set status = :to, updated_at = :now, "
                        + "sla_paused_at = case when :to = 'PENDING' then :now else sla_paused_at end, "
                        + "resolved_at = case when :to = 'RESOLVED' then :now when :to = 'CLOSED' then resolved_at "
                        + "else cast(null as timestamp) end, "
                        + "closed_at = case when :to = 'CLOSED' then :now else cast(null as timestamp) end "
                        + "where id = :id and status = :from")
                .param("to", to.name()).param("now", now).param("id", ticket.id()).param("from", ticket.status().name())
                .update() > 0;
        if (moved) {
            event(ticket.id(), "STATUS", actor, ticket.status() + " -> " + to, now);
        }
        return moved;
    }

    /** Binds the ticket to the first process instance that acts on it; false when another bound it first. */
    boolean bindProcessInstance(long id, String processInstanceId) {
        return jdbc.sql("update ticket set process_instance_id = ? where id = ? and process_instance_id is null")
                .params(processInstanceId, id).update() > 0;
    }

    void assign(long id, String assignee, LocalDateTime now) {
        jdbc.sql("update ticket set assignee = ?, updated_at = ? where id = ?").params(assignee, now, id).update();
    }

    void firstResponse(long id, LocalDateTime now) {
        jdbc.sql("update ticket set first_responded_at = ?, updated_at = ? where id = ? and first_responded_at is null")
                .params(now, now, id).update();
    }

    boolean breach(long id, SlaClock clock, LocalDateTime now) {
        String column = clock == SlaClock.FIRST_RESPONSE ? "first_response_breached_at" : "resolution_breached_at";
        return jdbc.sql("update ticket set " + column + " = ?, updated_at = ? where id = ? and " + column + " is null")
                .params(now, now, id).update() > 0;
    }

    void changeRequester(long id, String requesterId, String address, String name, ContactChannel channel,
            LocalDateTime now) {
        jdbc.sql("update ticket set requester_id = ?, requester_address = ?, requester_name = ?, channel = ?, "
                        + "updated_at = ? where id = ?")
                .params(requesterId, address, name, channel.name(), now, id).update();
    }

    void event(long ticketId, String kind, String actor, String detail, LocalDateTime now) {
        jdbc.sql("insert into ticket_event (ticket_id, kind, actor, detail, created_at) values (?, ?, ?, ?, ?)")
                .params(ticketId, kind, actor, detail, now).update();
    }

    List<TicketView.Event> events(long ticketId) {
        return jdbc.sql("select kind, actor, detail, created_at as at from ticket_event where ticket_id = ? order by id")
                .param(ticketId).query(TicketView.Event.class).list();
    }
}
