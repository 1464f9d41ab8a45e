package org.gatehouse.teams;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TeamRepository {

    private static final String COLUMNS = "slug, name, business_hours, time_zone, first_response_target, resolution_target, lead, "
            + "created_by, created_at, updated_by, updated_at";

    private final JdbcClient jdbc;

    TeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Team> find(String slug) {
        return jdbc.sql("select " + COLUMNS + " from team where slug = ?").param(slug).query(Team.class).optional();
    }

    List<Team> findAll() {
        return jdbc.sql("select " + COLUMNS + " from team order by name, slug").query(Team.class).list();
    }

    void insert(Team t) {
        jdbc.sql("insert into team (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(t.slug(), t.name(), t.businessHours(), t.timeZone(), t.firstResponseTarget(), t.resolutionTarget(),
                        t.lead(),
                        t.createdBy(), t.createdAt(), t.updatedBy(), t.updatedAt())
                .update();
    }

    void update(Team t) {
        jdbc.sql("update team set name = ?, business_hours = ?, time_zone = ?, first_response_target = ?, "
                        + "resolution_target = ?, lead = ?, updated_by = ?, updated_at = ? where slug = ?")
                .params(t.name(), t.businessHours(), t.timeZone(), t.firstResponseTarget(), t.resolutionTarget(), t.lead(),
                        t.updatedBy(), t.updatedAt(), t.slug())
                .update();
    }

    void touch(String slug, String by, LocalDateTime at) {
        jdbc.sql("update team set updated_by = ?, updated_at = ? where slug = ?").params(by, at, slug).update();
    }
}
