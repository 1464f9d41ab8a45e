package org.gatehouse.access;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OffboardingRepository {

    private static final String COLUMNS = "id, partner_id, keep_direct_messages, reason, status, requested_by, requested_at, "
            + "confirmed_by, confirmed, confirm_comment, confirmed_at, connection_ended_at, requests_ended_at, done_at, "
            + "process_instance_id, updated_at, confirm_by, cancelled_by, cancelled_at";
    private static final String CHANNEL_COLUMNS = "channel_id, workspace_id, channel_name, state, attempts, last_error, "
            + "disconnected_at";

    private final JdbcClient jdbc;

    OffboardingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts it as the partner's open offboarding: a second one for the partner breaks the unique index. */
    void insert(Offboarding o) {
        jdbc.sql("insert into offboarding (" + COLUMNS + ", open_partner_id) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(o.id(), o.partnerId(), o.keepDirectMessages(), o.reason(), o.status().name(), o.requestedBy(),
                        o.requestedAt(), o.confirmedBy(), o.confirmed(), o.confirmComment(), o.confirmedAt(),
                        o.connectionEndedAt(), o.requestsEndedAt(), o.doneAt(), o.processInstanceId(), o.updatedAt(),
                        o.confirmBy(), o.cancelledBy(), o.cancelledAt(), o.partnerId())
                .update();
    }

    Optional<Offboarding> findById(String id) {
        return jdbc.sql("select " + COLUMNS + " from offboarding where id = ?").param(id).query(Offboarding.class).optional();
    }

    /** Locks the row, so that two steps on one offboarding run one after the other. */
    Optional<Offboarding> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from offboarding where id = ? for update").param(id)
                .query(Offboarding.class).optional();
    }

    Optional<Offboarding> findOpen(String partnerId) {
        return jdbc.sql("select " + COLUMNS + " from offboarding where open_partner_id = ?").param(partnerId)
                .query(Offboarding.class).optional();
    }

    Optional<Offboarding> findLatest(String partnerId) {
        return jdbc.sql("select " + COLUMNS + " from offboarding where partner_id = ? "
                        + "order by requested_at desc, id fetch first 1 rows only")
                .param(partnerId).query(Offboarding.class).optional();
    }

    /** The guarded transition: only from {@code from}; an ended offboarding no longer holds its partner. */
    boolean updateStatus(String id, OffboardingStatus from, OffboardingStatus to, LocalDateTime now) {
        return jdbc.sql("update offboarding set status = ?, updated_at = ?, done_at = case when ? then ? else done_at end, "
                        + "open_partner_id = case when ? then open_partner_id else null end where id = ? and status = ?")
                .params(to.name(), now, to == OffboardingStatus.DONE, now, to.open(), id, from.name()).update() > 0;
    }

    /** The second admin's answer, once, while it is awaited. */
    boolean updateConfirmation(String id, String by, boolean confirmed, String comment, LocalDateTime now) {
        return jdbc.sql("update offboarding set confirmed_by = ?, confirmed = ?, confirm_comment = ?, confirmed_at = ?, "
                        + "updated_at = ? where id = ? and status = 'AWAITING_CONFIRMATION' and confirmed is null")
                .params(by, confirmed, comment, now, now, id).update() > 0;
    }

    /** The call to call it off, once, while the confirmation is awaited; its process then records it CANCELLED. */
    boolean updateCancellation(String id, String by, LocalDateTime now) {
        return jdbc.sql("update offboarding set cancelled_by = ?, cancelled_at = ?, updated_at = ? where id = ? "
                        + "and status = 'AWAITING_CONFIRMATION' and cancelled_by is null")
                .params(by, now, now, id).update() > 0;
    }

    void updateConnectionEnded(String id, LocalDateTime now) {
        jdbc.sql("update offboarding set connection_ended_at = ?, updated_at = ? where id = ? and connection_ended_at is null")
                .params(now, now, id).update();
    }

    void updateRequestsEnded(String id, LocalDateTime now) {
        jdbc.sql("update offboarding set requests_ended_at = ?, updated_at = ? where id = ?").params(now, now, id).update();
    }

    List<OffboardingChannel> channels(String id) {
        return jdbc.sql("select " + CHANNEL_COLUMNS + " from offboarding_channel where offboarding_id = ? "
                        + "order by workspace_id, channel_name")
                .param(id).query(OffboardingChannel.class).list();
    }

    /** Lists a channel to disconnect; the caller holds the offboarding's lock and lists each channel once. */
    void addChannel(String id, String channelId, String workspaceId, String channelName) {
        jdbc.sql("insert into offboarding_channel (offboarding_id, channel_id, workspace_id, channel_name, state, attempts) "
                        + "values (?, ?, ?, ?, 'PENDING', 0)")
                .params(id, channelId, workspaceId, channelName).update();
    }

    void settleChannel(String id, String channelId, OffboardingChannel.State state, LocalDateTime now) {
        jdbc.sql("update offboarding_channel set state = ?, disconnected_at = ? where offboarding_id = ? and channel_id = ?")
                .params(state.name(), now, id, channelId).update();
    }

    /** A failed attempt of the platform's call, kept in a transaction of its own (the step's rolls back). */
    void recordFailure(String id, String channelId, String error) {
        jdbc.sql("update offboarding_channel set state = 'FAILING', attempts = attempts + 1, last_error = ? "
                        + "where offboarding_id = ? and channel_id = ? and state <> 'DISCONNECTED'")
                .params(error, id, channelId).update();
    }

    void addEvent(String id, AccessRequestEvent e) {
        jdbc.sql("insert into offboarding_event (offboarding_id, at, actor, action, detail) values (?, ?, ?, ?, ?)")
                .params(id, e.at(), e.actor(), e.action(), e.detail()).update();
    }

    List<AccessRequestEvent> events(String id) {
        return jdbc.sql("select at, actor, action, detail from offboarding_event where offboarding_id = ? order by id")
                .param(id).query(AccessRequestEvent.class).list();
    }
}
