package org.gatehouse.access;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccessRequestRepository {

    private static final String COLUMNS = "id, requester, workspace_id, channel_name, channel_id, partner_id, "
            + "partner_contact_name, partner_contact_email, project_name, end_date, purpose, status, status_reason, "
            + "host_approver, host_approved, partner_approver_name, partner_approver_email, partner_channel_name, "
            + "process_instance_id, created_at, updated_at, invite_id, channel_created";

    private final JdbcClient jdbc;

    AccessRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AccessRequest r) {
        jdbc.sql("insert into access_request (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.requester(), r.workspaceId(), r.channelName(), r.channelId(), r.partnerId(),
                        r.partnerContactName(), r.partnerContactEmail(), r.projectName(), r.endDate(), r.purpose(),
                        r.status().name(), r.statusReason(), r.hostApprover(), r.hostApproved(), r.partnerApproverName(),
                        r.partnerApproverEmail(), r.partnerChannelName(), r.processInstanceId(), r.createdAt(),
                        r.updatedAt(), r.inviteId(), r.channelCreated())
                .update();
    }

    Optional<AccessRequest> findById(String id) {
        return jdbc.sql("select " + COLUMNS + " from access_request where id = ?").param(id)
                .query(AccessRequest.class).optional();
    }

    /** Locks the row, so that two decisions on one request are taken one after the other. */
    Optional<AccessRequest> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from access_request where id = ? for update").param(id)
                .query(AccessRequest.class).optional();
    }

    /** The request the platform's invitation {@code inviteId} was sent for, locked as {@link #lock} does. */
    Optional<AccessRequest> lockByInvitation(String inviteId) {
        return jdbc.sql("select " + COLUMNS + " from access_request where invite_id = ? for update").param(inviteId)
                .query(AccessRequest.class).optional();
    }

    boolean existsOpen(String workspaceId, String channelName, String partnerId, Collection<AccessRequestStatus> open) {
        return jdbc.sql("select count(*) from access_request where workspace_id = :w and channel_name = :c "
                        + "and partner_id = :p and status in (:s)")
                .param("w", workspaceId).param("c", channelName).param("p", partnerId)
                .param("s", open.stream().map(Enum::name).toList())
                .query(Integer.class).single() > 0;
    }

    List<AccessRequest> findOpen(String partnerId, Collection<AccessRequestStatus> open) {
        return jdbc.sql("select " + COLUMNS + " from access_request where partner_id = :p and status in (:s) "
                        + "order by created_at, id")
                .param("p", partnerId).param("s", open.stream().map(Enum::name).toList())
                .query(AccessRequest.class).list();
    }

    /** The partners requests were ever made for. */
    List<String> partnerIds() {
        return jdbc.sql("select distinct partner_id from access_request").query(String.class).list();
    }

    /** The partners a request Gatehouse connected (CONNECTED now, or ENDED after) shared one of these channels with. */
    List<String> partnersConnectedOn(Collection<String> channelIds) {
        if (channelIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select distinct partner_id from access_request where channel_id in (:channels) "
                        + "and status in ('CONNECTED', 'ENDED') order by partner_id")
                .param("channels", channelIds).query(String.class).list();
    }

    /** A9: each request made since {@code from} (of one partner, or of all: null), with its status now. */
    List<SharingFigures.Made> madeSince(LocalDateTime from, String partnerId) {
        return jdbc.sql("select partner_id, status, created_at from access_request where created_at >= ?"
                        + (partnerId == null ? "" : " and partner_id = ?"))
                .params(partnerId == null ? List.of(from) : List.of(from, partnerId))
                .query(SharingFigures.Made.class).list();
    }

    /** A9: each request connected since {@code from}, when it was made and when it was connected (its timeline). */
    List<SharingFigures.Connection> connectedSince(LocalDateTime from, String partnerId) {
        return jdbc.sql("select r.partner_id, r.created_at as requested_at, e.at as connected_at from access_request r "
                        + "join access_request_event e on e.request_id = r.id and e.action = 'CONNECTED' where e.at >= ?"
                        + (partnerId == null ? "" : " and r.partner_id = ?"))
                .params(partnerId == null ? List.of(from) : List.of(from, partnerId))
                .query(SharingFigures.Connection.class).list();
    }

    List<AccessRequest> find(AccessRequestStatus status, String partnerId, String requester, int limit) {
        var sql = new StringBuilder("select " + COLUMNS + " from access_request where 1 = 1");
        var params = new ArrayList<Object>();
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.name());
        }
        if (partnerId != null) {
            sql.append(" and partner_id = ?");
            params.add(partnerId);
        }
        if (requester != null) {
            sql.append(" and requester = ?");
            params.add(requester);
        }
        sql.append(" order by created_at desc, id fetch first ").append(limit).append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query(AccessRequest.class).list();
    }

    /** The guarded transition: moves the request only from {@code from}; false when it stood elsewhere. */
    boolean updateStatus(String id, AccessRequestStatus from, AccessRequestStatus to, String reason,
            LocalDateTime now) {
        return jdbc.sql("update access_request set status = ?, status_reason = ?, updated_at = ? "
                        + "where id = ? and status = ?")
                .params(to.name(), reason, now, id, from.name()).update() > 0;
    }

    /** Binds a request made before requests named their instance; false when another instance bound it first. */
    boolean bindProcessInstance(String id, String processInstanceId) {
        return jdbc.sql("update access_request set process_instance_id = ? "
                        + "where id = ? and process_instance_id is null")
                .params(processInstanceId, id).update() > 0;
    }

    /** Records the host admin's decision once, while the approvals run; false when it was recorded already. */
    boolean updateHostDecision(String id, String approver, boolean approved, LocalDateTime now) {
        return jdbc.sql("update access_request set host_approver = ?, host_approved = ?, updated_at = ? "
                        + "where id = ? and status = 'AWAITING_APPROVAL' and host_approved is null")
                .params(approver, approved, now, id).update() > 0;
    }

    /** Records the partner's acceptance once, while the approvals run; false when it was recorded already. */
    boolean updatePartnerAcceptance(String id, String name, String email, String partnerChannelName,
            LocalDateTime now) {
        return jdbc.sql("update access_request set partner_approver_name = ?, partner_approver_email = ?, "
                        + "partner_channel_name = ?, updated_at = ? "
                        + "where id = ? and status = 'AWAITING_APPROVAL' and partner_approver_email is null")
                .params(name, email, partnerChannelName, now, id).update() > 0;
    }

    void updateChannel(String id, String channelId, LocalDateTime now) {
        jdbc.sql("update access_request set channel_id = ?, updated_at = ? where id = ?").params(channelId, now, id).update();
    }

    /** The platform's invitation went out, to the channel the request now names (created for it or not). */
    void updateInvitation(String id, String channelId, String inviteId, boolean channelCreated, LocalDateTime now) {
        jdbc.sql("update access_request set channel_id = ?, invite_id = ?, channel_created = ?, updated_at = ? "
                + "where id = ?").params(channelId, inviteId, channelCreated, now, id).update();
    }

    void updateEndDate(String id, LocalDate endDate, LocalDateTime now) {
        jdbc.sql("update access_request set end_date = ?, updated_at = ? where id = ?").params(endDate, now, id).update();
    }

    void addEvent(String requestId, AccessRequestEvent e) {
        jdbc.sql("insert into access_request_event (request_id, at, actor, action, detail) values (?, ?, ?, ?, ?)")
                .params(requestId, e.at(), e.actor(), e.action(), e.detail()).update();
    }

    List<AccessRequestEvent> events(String requestId) {
        return jdbc.sql("select at, actor, action, detail from access_request_event where request_id = ? order by id")
                .param(requestId).query(AccessRequestEvent.class).list();
    }
}
