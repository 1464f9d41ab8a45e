package org.gatehouse.channels;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ChannelRepository {

    private static final String COLUMNS = "id, workspace_id, name, partner_id, partner_channel_name, shared_since, pinned_note, "
            + "archived_at";

    private final JdbcClient jdbc;

    ChannelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Channel> findById(String id) {
        return jdbc.sql("select " + COLUMNS + " from channel where id = ?").param(id).query(Channel.class).optional();
    }

    Optional<Channel> findByName(String workspaceId, String name) {
        return jdbc.sql("select " + COLUMNS + " from channel where workspace_id = ? and name = ?")
                .params(workspaceId, name).query(Channel.class).optional();
    }

    List<Channel> findSharedWith(String partnerId) {
        return jdbc.sql("select " + COLUMNS + " from channel where partner_id = ? order by workspace_id, name")
                .param(partnerId).query(Channel.class).list();
    }

    List<Channel> findShared() {
        return jdbc.sql("select " + COLUMNS + " from channel where partner_id is not null order by partner_id, workspace_id, name")
                .query(Channel.class).list();
    }

    void insert(Channel c, LocalDateTime now) {
        jdbc.sql("insert into channel (id, workspace_id, name, created_at) values (?, ?, ?, ?)")
                .params(c.id(), c.workspaceId(), c.name(), now).update();
    }

    void share(String id, String partnerId, String partnerChannelName, LocalDateTime since) {
        jdbc.sql("update channel set partner_id = ?, partner_channel_name = ?, shared_since = ? where id = ?")
                .params(partnerId, partnerChannelName, since, id).update();
    }

    void pin(String id, String note) {
        jdbc.sql("update channel set pinned_note = ? where id = ?").params(note, id).update();
    }

    void rename(String id, String name) {
        jdbc.sql("update channel set name = ? where id = ?").params(name, id).update();
    }

    void archive(String id, LocalDateTime at) {
        jdbc.sql("update channel set archived_at = ? where id = ?").params(at, id).update();
    }

    void unshare(String id) {
        jdbc.sql("update channel set partner_id = null, partner_channel_name = null, shared_since = null, pinned_note = null "
                + "where id = ?").param(id).update();
    }

    List<ChannelMember> members(String channelId) {
        return jdbc.sql("select member, organisation_id, added_by, added_at from channel_member where channel_id = ? order by added_at, member")
                .param(channelId).query(ChannelMember.class).list();
    }

    boolean isMember(String channelId, String member) {
        return jdbc.sql("select count(*) from channel_member where channel_id = ? and member = ?")
                .params(channelId, member).query(Integer.class).single() > 0;
    }

    void addMember(String channelId, ChannelMember m) {
        jdbc.sql("insert into channel_member (channel_id, member, organisation_id, added_by, added_at) values (?, ?, ?, ?, ?)")
                .params(channelId, m.member(), m.organisationId(), m.addedBy(), m.addedAt()).update();
    }

    void removeMembersOf(String channelId, String organisationId) {
        jdbc.sql("delete from channel_member where channel_id = ? and organisation_id = ?")
                .params(channelId, organisationId).update();
    }
}
