package org.gatehouse.directory;

import java.util.Set;

/** A person as the directory's list shows them: who, how to reach them, where they belong, their status and groups. */
public record PersonSummary(String id, String name, String email, Person.Kind kind, String organisationId,
        Person.Status status, Set<String> groups) {

    static PersonSummary of(Person person, Set<String> groups) {
        return new PersonSummary(person.id(), person.name(), person.email(), person.kind(), person.organisationId(),
                person.status(), groups);
    }
}
