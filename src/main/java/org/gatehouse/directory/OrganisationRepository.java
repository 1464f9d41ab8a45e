package org.gatehouse.directory;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganisationRepository {

    private static final String COLUMNS = "id, name, kind, time_zone, working_hours";

    private final JdbcClient jdbc;
    private final Clock clock;

    OrganisationRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Organisation> findById(String id) {
        return jdbc.sql("select " + COLUMNS + " from organisation where id = ?").param(id)
                .query(OrganisationRepository::map).optional();
    }

    Optional<Organisation> findByName(String name) {
        return jdbc.sql("select " + COLUMNS + " from organisation where name_key = ?").param(key(name))
                .query(OrganisationRepository::map).optional();
    }

    Optional<Organisation> findByEmailDomain(String domain) {
        return jdbc.sql("select " + COLUMNS + " from organisation where email_domain = ?").param(domain)
                .query(OrganisationRepository::map).optional();
    }

    void setEmailDomain(String id, String domain) {
        jdbc.sql("update organisation set email_domain = ? where id = ?").params(domain, id).update();
    }

    Optional<PartnershipEnd> findPartnershipEnd(String id) {
        return jdbc.sql("select partnership_ended_at as at, partnership_ended_by as ended_by, "
                        + "partnership_confirmed_by as confirmed_by, direct_messages_kept from organisation "
                        + "where id = ? and partnership_ended_at is not null").param(id)
                .query(PartnershipEnd.class).optional();
    }

    void updatePartnershipEnd(String id, PartnershipEnd end) {
        jdbc.sql("update organisation set partnership_ended_at = ?, partnership_ended_by = ?, partnership_confirmed_by = ?, "
                        + "direct_messages_kept = ? where id = ?")
                .params(end.at(), end.endedBy(), end.confirmedBy(), end.directMessagesKept(), id).update();
    }

    List<Organisation> findByKind(Organisation.Kind kind) {
        return jdbc.sql("select " + COLUMNS + " from organisation where kind = ? order by name").param(kind.name())
                .query(OrganisationRepository::map).list();
    }

    void insert(Organisation o) {
        jdbc.sql("insert into organisation (id, name, name_key, kind, time_zone, working_hours, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(o.id(), o.name(), key(o.name()), o.kind().name(), o.timeZone(), o.workingHours(), LocalDateTime.now(clock))
                .update();
    }

    Optional<Workspace> findWorkspace(String id) {
        return jdbc.sql("select id, organisation_id, name, slack_team_id from workspace where id = ?").param(id)
                .query(Workspace.class).optional();
    }

    List<Workspace> findWorkspaces() {
        return jdbc.sql("select id, organisation_id, name, slack_team_id from workspace order by id").query(Workspace.class).list();
    }

    void insertWorkspace(Workspace w) {
        jdbc.sql("insert into workspace (id, organisation_id, name, slack_team_id) values (?, ?, ?, ?)")
                .params(w.id(), w.organisationId(), w.name(), w.slackTeamId()).update();
    }

    private static String key(String name) {
        return name.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static Organisation map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Organisation(rs.getString("id"), rs.getString("name"), Organisation.Kind.valueOf(rs.getString("kind")),
                rs.getString("time_zone"), rs.getString("working_hours"));
    }
}
