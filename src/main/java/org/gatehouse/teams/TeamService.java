package org.gatehouse.teams;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gatehouse.directory.Person;
import org.gatehouse.directory.PersonService;
import org.gatehouse.directory.RoleService;
import org.gatehouse.platform.ConfigurationVersions;
import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.GatehouseGroups;
import org.gatehouse.platform.InvalidInputException;
import org.gatehouse.platform.NotFoundException;
import org.gatehouse.platform.VersionedConfiguration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * C8: experts create and edit teams and add experts to them. A team is the Camunda group {@code team-<slug>}; its
 * members are granted that group as a role in the directory, so the identity sync gives them the team's tasks.
 */
@Service
public class TeamService implements VersionedConfiguration {

    private final TeamRepository teams;
    private final PersonService people;
    private final RoleService roles;
    private final ConfigurationVersions versions;
    private final Clock clock;

    TeamService(TeamRepository teams, PersonService people, RoleService roles, ConfigurationVersions versions, Clock clock) {
        this.teams = teams;
        this.people = people;
        this.roles = roles;
        this.versions = versions;
        this.clock = clock;
    }

    public List<TeamView> list(String viewer) {
        requireExpert(viewer);
        return teams.findAll().stream().map(this::view).toList();
    }

    public TeamView view(String slug, String viewer) {
        requireExpert(viewer);
        return view(get(slug));
    }

    @Transactional
    public TeamView create(TeamDraft draft, String expert) {
        requireExpert(expert);
        if (draft.slug() == null || draft.slug().isBlank()) {
            throw new InvalidInputException("slug", "must not be blank");
        }
        Set<String> members = newMembers(draft.members(), Set.of(), "members");
        teams.find(draft.slug()).ifPresent(taken -> {
            throw slugTaken(taken);
        });
        LocalDateTime now = LocalDateTime.now(clock);
        Team team = settings(draft, draft.slug(), expert, now, expert, now);
        requireLeadAmong(team, members);
        try {
            teams.insert(team);
        } catch (DuplicateKeyException e) {
            throw slugTaken(team);
        }
        people.defineRole(team.group(), team.name());
        members.forEach(id -> people.grantRole(id, team.group(), expert));
        recordVersion(team, expert);
        return view(team);
    }

    /**
     * Edits a team's settings; a list of members, when given, becomes the whole membership. An edit that changes
     * nothing is no change: the team keeps who edited it last.
     */
    @Transactional
    public TeamView update(String slug, TeamDraft draft, String expert) {
        requireExpert(expert);
        Team current = get(slug);
        if (draft.slug() != null && !draft.slug().equals(slug)) {
            throw new InvalidInputException("slug", "A team's slug names its group (" + current.group() + ") and does not change");
        }
        Team team = settings(draft, slug, current.createdBy(), current.createdAt(), expert, LocalDateTime.now(clock));
        if (draft.members() != null) {
            Set<String> wanted = new LinkedHashSet<>(draft.members());
            List<String> present = memberIds(team);
            newMembers(draft.members(), Set.copyOf(present), "members").forEach(id -> people.grantRole(id, team.group(), expert));
            present.stream().filter(id -> !wanted.contains(id)).forEach(id -> people.revokeRole(id, team.group(), expert));
        }
        requireLeadAmong(team, memberIds(team));
        if (recordVersion(team, expert)) {
            teams.update(team);
            people.defineRole(team.group(), team.name());
        }
        return view(get(slug));
    }

    /** C8: an expert adds another expert to a team. Adding a member twice changes nothing. */
    @Transactional
    public TeamView addMember(String slug, String personId, String expert) {
        requireExpert(expert);
        Team team = get(slug);
        newMembers(List.of(personId), Set.copyOf(memberIds(team)), "personId")
                .forEach(id -> people.grantRole(id, team.group(), expert));
        return membersChanged(team, expert);
    }

    @Transactional
    public TeamView removeMember(String slug, String personId, String expert) {
        requireExpert(expert);
        Team team = get(slug);
        people.revokeRole(people.get(personId).id(), team.group(), expert);
        return membersChanged(team, expert);
    }

    private TeamView membersChanged(Team team, String expert) {
        if (recordVersion(team, expert)) {
            teams.touch(team.slug(), expert, LocalDateTime.now(clock));
        }
        return view(get(team.slug()));
    }

    /** Records the team as it now stands, settings as given and members as the directory holds them; false if unchanged. */
    private boolean recordVersion(Team team, String expert) {
        return versions.record(Team.VERSION_KIND, team.slug(), expert, version(team));
    }

    @Override
    public Map<String, Map<String, Object>> configuration() {
        Map<String, Object> bySlug = new HashMap<>();
        teams.findAll().forEach(team -> bySlug.put(team.slug(), version(team)));
        return Map.of(Team.VERSION_KIND, bySlug);
    }

    /** What a version of a team holds (see {@link Team#VERSION_KIND}). */
    private record Version(String name, String businessHours, String timeZone, String firstResponseTarget,
            String resolutionTarget, String lead, List<String> members) {
    }

    private Version version(Team team) {
        return new Version(team.name(), team.businessHours(), team.timeZone(), team.firstResponseTarget(),
                team.resolutionTarget(), team.lead(), memberIds(team).stream().sorted().toList());
    }

    /** The team behind a routing decision or a ticket; no viewer, as the engine asks it, not a user. */
    public Optional<Team> find(String slug) {
        return slug == null ? Optional.empty() : teams.find(slug);
    }

    public List<Team> all() {
        return teams.findAll();
    }

    private static void requireLeadAmong(Team team, Collection<String> members) {
        if (team.lead() != null && !members.contains(team.lead())) {
            throw new InvalidInputException("lead", "The lead must be a member of the team; " + team.lead() + " is not");
        }
    }

    private Team get(String slug) {
        return teams.find(slug).orElseThrow(() -> new NotFoundException("There is no team " + slug));
    }

    private TeamView view(Team team) {
        return TeamView.of(team, people.holding(team.group()));
    }

    private List<String> memberIds(Team team) {
        return people.holding(team.group()).stream().map(Person::id).toList();
    }

    private void requireExpert(String user) {
        if (!roles.isExpertOrAdmin(user)) {
            throw new ForbiddenException("Only experts manage teams");
        }
    }

    private static ConflictException slugTaken(Team taken) {
        return new ConflictException("slug", "The slug '" + taken.slug() + "' is taken by the team " + taken.name());
    }

    /**
     * The people to add: each must be an active employee who is an expert. People already in the team are let
     * through as they are, so an edit that lists a member who has since left does not fail.
     */
    private Set<String> newMembers(List<String> ids, Set<String> present, String field) {
        Set<String> added = new LinkedHashSet<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            if (present.contains(id)) {
                continue;
            }
            Person person = people.find(id).orElseThrow(() -> new InvalidInputException(field, "There is no person " + id));
            if (person.kind() != Person.Kind.EMPLOYEE || !person.active()) {
                throw new ConflictException(field, person.id() + " is not an active employee");
            }
            if (!people.groupsOf(person).contains(GatehouseGroups.EXPERTS)) {
                throw new ConflictException(field, person.id() + " is not an expert: invite them first");
            }
            added.add(person.id());
        }
        return added;
    }

    /** Checks what Bean Validation cannot: real times, a real time zone, durations that make sense. */
    private static Team settings(TeamDraft d, String slug, String createdBy, LocalDateTime createdAt, String updatedBy,
            LocalDateTime updatedAt) {
        String[] hours = d.businessHours().split("-");
        try {
            if (!LocalTime.parse(hours[0]).isBefore(LocalTime.parse(hours[1]))) {
                throw new InvalidInputException("businessHours", "The working day must start before it ends");
            }
        } catch (DateTimeException e) {
            throw new InvalidInputException("businessHours", "'" + d.businessHours() + "' holds a time that does not exist");
        }
        String zone;
        try {
            zone = ZoneId.of(d.timeZone().trim()).getId();
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "'" + d.timeZone() + "' is not a time zone such as Europe/Paris");
        }
        Duration firstResponse = duration(d.firstResponseTarget(), "firstResponseTarget");
        Duration resolution = duration(d.resolutionTarget(), "resolutionTarget");
        if (resolution.compareTo(firstResponse) < 0) {
            throw new InvalidInputException("resolutionTarget", "The resolution target cannot be shorter than the "
                    + "first-response target");
        }
        return new Team(slug, d.name().trim(), d.businessHours(), zone, upper(d.firstResponseTarget()),
                upper(d.resolutionTarget()), blankToNull(d.lead()), createdBy, createdAt, updatedBy, updatedAt);
    }

    private static Duration duration(String text, String field) {
        try {
            Duration duration = Duration.parse(upper(text));
            if (duration.isNegative() || duration.isZero()) {
                throw new InvalidInputException(field, "must be longer than zero");
            }
            return duration;
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, "'" + text + "' is not an ISO-8601 duration such as PT4H or P2D");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String upper(String text) {
        return text.trim().toUpperCase(Locale.ROOT);
    }
}
