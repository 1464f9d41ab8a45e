package org.gatehouse.directory;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.gatehouse.platform.EmailAddresses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PersonRepository {

    private static final String COLUMNS = "id, employee_id, first_name, last_name, email, position, department, "
            + "supervisor_id, office, time_zone, status, kind, organisation_id, slack_user_id, teams_user_id";

    private final JdbcClient jdbc;

    PersonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Person> findById(String id) {
        return jdbc.sql("select " + COLUMNS + " from person where id = ?").param(id).query(Person.class).optional();
    }

    Optional<Person> findByEmployeeId(String employeeId) {
        return jdbc.sql("select " + COLUMNS + " from person where employee_id = ?").param(employeeId)
                .query(Person.class).optional();
    }

    Optional<Person> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from person where email_key = ?").param(key(email))
                .query(Person.class).optional();
    }

    Optional<Person> findBySlackId(String slackUserId) {
        return jdbc.sql("select " + COLUMNS + " from person where slack_user_id = ?").param(slackUserId)
                .query(Person.class).optional();
    }

    Optional<Person> findByTeamsId(String teamsUserId) {
        return jdbc.sql("select " + COLUMNS + " from person where teams_user_id = ?").param(teamsUserId)
                .query(Person.class).optional();
    }

    Optional<Person.Source> source(String id) {
        return jdbc.sql("select source from person where id = ?").param(id).query(String.class).optional()
                .map(Person.Source::valueOf);
    }

    void insert(Person p, Person.Source source, LocalDateTime now) {
        jdbc.sql("insert into person (" + COLUMNS + ", email_key, source, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(p.id(), p.employeeId(), p.firstName(), p.lastName(), p.email(), p.position(), p.department(),
                        p.supervisorId(), p.office(), p.timeZone(), p.status().name(), p.kind().name(), p.organisationId(),
                        p.slackUserId(), p.teamsUserId(), key(p.email()), source.name(), now, now)
                .update();
    }

    void update(Person p, LocalDateTime now) {
        jdbc.sql("update person set employee_id = ?, first_name = ?, last_name = ?, email = ?, email_key = ?, position = ?, "
                        + "department = ?, supervisor_id = ?, office = ?, time_zone = ?, status = ?, kind = ?, "
                        + "organisation_id = ?, slack_user_id = ?, teams_user_id = ?, updated_at = ? where id = ?")
                .params(p.employeeId(), p.firstName(), p.lastName(), p.email(), key(p.email()), p.position(),
                        p.department(), p.supervisorId(), p.office(), p.timeZone(), p.status().name(), p.kind().name(),
                        p.organisationId(), p.slackUserId(), p.teamsUserId(), now, p.id())
                .update();
    }

    /**
     * A page of people, by name: those whose name, e-mail or id contains {@code text} (any case), of one status where
     * {@code status} is given, holding {@code group} where it is given.
     */
    List<Person> search(String text, Person.Status status, String group, long offset, int limit) {
        Filter filter = Filter.of(text, status, group);
        return jdbc.sql("select " + COLUMNS + " from person where " + filter.where()
                        + " order by last_name, first_name, id offset :offset rows fetch next :limit rows only")
                .params(filter.params()).param("offset", offset).param("limit", limit).query(Person.class).list();
    }

    long count(String text, Person.Status status, String group) {
        Filter filter = Filter.of(text, status, group);
        return jdbc.sql("select count(*) from person where " + filter.where()).params(filter.params())
                .query(Long.class).single();
    }

    private record Filter(String where, Map<String, Object> params) {

        static Filter of(String text, Person.Status status, String group) {
            List<String> conditions = new ArrayList<>(List.of("1 = 1"));
            Map<String, Object> params = new HashMap<>();
            if (text != null && !text.isBlank()) {
                conditions.add("(lower(first_name || ' ' || last_name) like :text escape '!' or email_key like :text "
                        + "escape '!' or lower(id) like :text escape '!')");
                String literal = text.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                        .replace("_", "!_");
                params.put("text", "%" + literal + "%");
            }
            if (status != null) {
                conditions.add("status = :status");
                params.put("status", status.name());
            }
            if (group != null && !group.isBlank()) {
                conditions.add("id in (select person_id from person_role where group_id = :group)");
                params.put("group", group);
            }
            return new Filter(String.join(" and ", conditions), params);
        }
    }

    /** The roles of these people, for those who hold any. */
    Map<String, Set<String>> roles(List<String> personIds) {
        Map<String, Set<String>> roles = new HashMap<>();
        if (!personIds.isEmpty()) {
            jdbc.sql("select person_id, group_id from person_role where person_id in (:ids)").param("ids", personIds)
                    .query(rs -> { roles.computeIfAbsent(rs.getString(1), id -> new TreeSet<>()).add(rs.getString(2)); });
        }
        return roles;
    }

    Set<String> roles(String personId) {
        return new TreeSet<>(jdbc.sql("select group_id from person_role where person_id = ?").param(personId)
                .query(String.class).list());
    }

    /** Everyone's roles, for those who hold any. */
    Map<String, Set<String>> allRoles() {
        Map<String, Set<String>> roles = new HashMap<>();
        jdbc.sql("select person_id, group_id from person_role")
                .query(rs -> { roles.computeIfAbsent(rs.getString(1), id -> new TreeSet<>()).add(rs.getString(2)); });
        return roles;
    }

    List<Person> holders(String groupId) {
        return jdbc.sql("select " + COLUMNS + " from person where id in (select person_id from person_role where group_id = ?) "
                + "order by id").param(groupId).query(Person.class).list();
    }

    /** Whether anyone, active or not, holds {@code groupId}. */
    boolean isRole(String groupId) {
        return jdbc.sql("select count(*) from person_role where group_id = ?").param(groupId).query(Long.class).single() > 0;
    }

    boolean grant(String personId, String groupId, String grantedBy, LocalDateTime now) {
        if (roles(personId).contains(groupId)) {
            return false;
        }
        jdbc.sql("insert into person_role (person_id, group_id, granted_by, granted_at) values (?, ?, ?, ?)")
                .params(personId, groupId, grantedBy, now).update();
        return true;
    }

    boolean revoke(String personId, String groupId) {
        return jdbc.sql("delete from person_role where person_id = ? and group_id = ?").params(personId, groupId).update() > 0;
    }

    static String key(String email) {
        return EmailAddresses.normalise(email);
    }
}
