package org.gatehouse.teams;

import java.time.LocalDateTime;
import java.util.List;

import org.gatehouse.directory.Person;

/** A team as the API shows it, with its Camunda group and its members. */
public record TeamView(String slug, String name, String group, String businessHours, String timeZone,
        String firstResponseTarget, String resolutionTarget, String lead, List<Member> members, String createdBy,
        LocalDateTime createdAt, String updatedBy, LocalDateTime updatedAt) {

    public record Member(String id, String name) {
    }

    static TeamView of(Team t, List<Person> members) {
        return new TeamView(t.slug(), t.name(), t.group(), t.businessHours(), t.timeZone(), t.firstResponseTarget(),
                t.resolutionTarget(), t.lead(), members.stream().map(p -> new Member(p.id(), p.name())).toList(), t.createdBy(),
                t.createdAt(), t.updatedBy(), t.updatedAt());
    }
}
