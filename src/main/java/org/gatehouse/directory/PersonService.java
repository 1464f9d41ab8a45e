package org.gatehouse.directory;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.gatehouse.platform.ConfigurationVersions;
import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.GatehouseGroups;
import org.gatehouse.platform.InvalidInputException;
import org.gatehouse.platform.NotFoundException;
import org.gatehouse.platform.ResultPage;
import org.gatehouse.platform.VersionedConfiguration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory: people, their status and their roles. Every change is pushed to the identity service in the same
 * transaction, so what the directory says is what the engine and the webapps enforce.
 */
@Service
public class PersonService implements VersionedConfiguration {

    /**
     * Versions of a person's roles, the person's id as subject: {@code {"roles": [...]}}, the groups granted to them
     * (sorted; not {@code requesters}, which follows from being an active employee). A grant and a revocation each
     * make one.
     */
    public static final String ROLES_VERSION_KIND = "roles";

    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    private final PersonRepository people;
    private final IdentitySync identity;
    private final ConfigurationVersions versions;
    private final Clock clock;

    PersonService(PersonRepository people, IdentitySync identity, ConfigurationVersions versions, Clock clock) {
        this.people = people;
        this.identity = identity;
        this.versions = versions;
        this.clock = clock;
    }

    public Optional<Person> find(String id) {
        return people.findById(id);
    }

    /**
     * The active employee whom {@code field} names for a part that only active employees play ({@code part}:
     * "become experts", "approve"), and who is not {@code actor} (four eyes: {@code selfRefusal} says why). Bad input
     * is a refusal naming the field: 400, or 409 for someone inactive.
     */
    public Person activeEmployee(String field, String personId, String actor, String part, String selfRefusal) {
        if (personId == null || personId.isBlank()) {
            throw new InvalidInputException(field, "Name the employee: only active employees " + part);
        }
        Person person = find(personId.trim())
                .orElseThrow(() -> new InvalidInputException(field, "There is no employee " + personId));
        if (person.id().equals(actor)) {
            throw new InvalidInputException(field, selfRefusal);
        }
        if (person.kind() != Person.Kind.EMPLOYEE) {
            throw new InvalidInputException(field, person.id() + " is an outside contact: only employees " + part);
        }
        if (!person.active()) {
            throw new ConflictException(field, person.id() + " is inactive: only active employees " + part);
        }
        return person;
    }

    /** The person's name for a message, or the id itself for someone the directory does not know. */
    public String nameOf(String userId) {
        return find(userId).map(Person::name).orElse(userId);
    }

    public Person get(String id) {
        return people.findById(id).orElseThrow(() -> new NotFoundException("There is no person " + id));
    }

    public Optional<Person> findByEmployeeId(String employeeId) {
        return people.findByEmployeeId(employeeId);
    }

    public Optional<Person> findByEmail(String email) {
        return people.findByEmail(email);
    }

    public Optional<Person> findBySlackId(String slackUserId) {
        return people.findBySlackId(slackUserId);
    }

    public Optional<Person> findByTeamsId(String teamsUserId) {
        return people.findByTeamsId(teamsUserId);
    }

    /** How the person came into the directory; empty for someone the directory does not know. */
    public Optional<Person.Source> sourceOf(String personId) {
        return people.source(personId);
    }

    /** Creates or updates a person entered by hand (the demo accounts, an admin's entry). */
    @Transactional
    public Outcome save(Person person) {
        return save(person, Person.Source.MANUAL);
    }

    /**
     * Creates or updates a person; an identical person changes nothing, not even the identity service. {@code source}
     * is recorded when the person is created and kept afterwards: an employee whom a chat import later joins is still
     * someone who came from HR.
     */
    @Transactional
    public Outcome save(Person person, Person.Source source) {
        Optional<Person> existing = people.findById(person.id());
        if (existing.isPresent() && existing.get().sameAs(person)) {
            return Outcome.UNCHANGED;
        }
        if (existing.isPresent()) {
            people.update(person, now());
        } else {
            people.insert(person, source, now());
        }
        identity.sync(person, groupsOf(person));
        return existing.isPresent() ? Outcome.UPDATED : Outcome.CREATED;
    }

    @Transactional
    public Person setStatus(String personId, Person.Status status) {
        Person p = get(personId);
        Person changed = new Person(p.id(), p.employeeId(), p.firstName(), p.lastName(), p.email(), p.position(),
                p.department(), p.supervisorId(), p.office(), p.timeZone(), status, p.kind(), p.organisationId(),
                p.slackUserId(), p.teamsUserId());
        save(changed);
        return changed;
    }

    @Transactional
    public Set<String> grantRole(String personId, String groupId, String grantedBy) {
        Person person = get(personId);
        if (groupId == null || !groupId.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new InvalidInputException("group", "'" + groupId + "' is not a group id (lower-case words joined by '-')");
        }
        if (people.grant(personId, groupId, grantedBy, now())) {
            rolesChanged(person, grantedBy);
        }
        return groupsOf(person);
    }

    /** Takes a role away; the person's roles before are kept as their previous version. */
    @Transactional
    public Set<String> revokeRole(String personId, String groupId, String revokedBy) {
        Person person = get(personId);
        if (people.revoke(personId, groupId)) {
            rolesChanged(person, revokedBy);
        }
        return groupsOf(person);
    }

    private void rolesChanged(Person person, String actor) {
        identity.sync(person, groupsOf(person));
        versions.record(ROLES_VERSION_KIND, person.id(), actor, roles(people.roles(person.id())));
    }

    @Override
    public Map<String, Map<String, Object>> configuration() {
        Map<String, Object> byPerson = new HashMap<>();
        people.allRoles().forEach((personId, roles) -> byPerson.put(personId, roles(roles)));
        return Map.of(ROLES_VERSION_KIND, byPerson);
    }

    private static Map<String, Object> roles(Set<String> granted) {
        return Map.of("roles", new TreeSet<>(granted));
    }

    /** Creates a role that the directory may then grant, or renames it (a team's group carries the team's name). */
    public void defineRole(String groupId, String name) {
        identity.defineGroup(groupId, name);
    }

    /** Everyone the directory grants {@code groupId}, active or not. */
    public List<Person> holding(String groupId) {
        return people.holders(groupId);
    }

    /**
     * The groups a person holds: the roles granted to them, and {@code requesters} for every active employee (C1),
     * except auditors, who read history and nothing else.
     */
    public Set<String> groupsOf(Person person) {
        return groupsOf(person, people.roles(person.id()));
    }

    /**
     * A page of the directory, by name, each person with their groups: whose name, e-mail or id contains {@code text},
     * of one {@code status}, granted {@code role}, where these are given.
     */
    @Transactional(readOnly = true)
    public ResultPage<PersonSummary> list(String text, Person.Status status, String role, int page, int size) {
        ResultPage.check(page, size);
        long total = people.count(text, status, role);
        List<Person> found = people.search(text, status, role, ResultPage.offset(page, size), size);
        Map<String, Set<String>> roles = people.roles(found.stream().map(Person::id).toList());
        return new ResultPage<>(found.stream().map(p -> PersonSummary.of(p, groupsOf(p, roles.getOrDefault(p.id(),
                Set.of())))).toList(), page, size, total);
    }

    private static Set<String> groupsOf(Person person, Set<String> roles) {
        Set<String> groups = new TreeSet<>(roles);
        if (person.kind() == Person.Kind.EMPLOYEE && person.active() && !groups.contains(GatehouseGroups.AUDITORS)) {
            groups.add(GatehouseGroups.REQUESTERS);
        }
        return groups;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
