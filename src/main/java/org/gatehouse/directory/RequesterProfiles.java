package org.gatehouse.directory;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gatehouse.platform.ConfigurationVersions;
import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.GatehouseGroups;
import org.gatehouse.platform.InvalidInputException;
import org.gatehouse.platform.VersionedConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that shows a requester to experts (C2): every API that does must build its view here, so it
 * carries the attributes admins chose and no others. The requester's id always comes along: it is the reference
 * the ticket holds, not an attribute of the person.
 */
@Service
public class RequesterProfiles implements VersionedConfiguration {

    /** Versions of the attribute policy: {@code {"attributes": [...]}}, in display order. */
    public static final String VERSION_KIND = "requester-attributes";

    public record Policy(List<String> attributes, String changedBy, LocalDateTime changedAt) {
    }

    private final JdbcClient jdbc;
    private final PersonService people;
    private final RoleService roles;
    private final ConfigurationVersions versions;
    private final Clock clock;

    RequesterProfiles(JdbcClient jdbc, PersonService people, RoleService roles, ConfigurationVersions versions, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.roles = roles;
        this.versions = versions;
        this.clock = clock;
    }

    public Policy policy() {
        return jdbc.sql("select attributes, changed_by, changed_at from requester_attribute_policy where id = 1")
                .query((rs, i) -> new Policy(Arrays.asList(rs.getString(1).split(",")), rs.getString(2),
                        rs.getTimestamp(3).toLocalDateTime()))
                .single();
    }

    @Transactional
    public Policy change(List<String> attributes, String admin) {
        if (attributes == null || attributes.isEmpty()) {
            throw new InvalidInputException("attributes", "Choose at least one attribute");
        }
        List<String> unknown = attributes.stream().filter(a -> RequesterAttribute.byKey(a) == null).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("attributes", "Unknown attributes " + unknown + "; known: "
                    + Arrays.stream(RequesterAttribute.values()).map(RequesterAttribute::key).toList());
        }
        String chosen = String.join(",", attributes.stream().distinct().toList());
        // the same choice again is no change: it keeps who made the last one
        jdbc.sql("update requester_attribute_policy set attributes = ?, changed_by = ?, changed_at = ? "
                        + "where id = 1 and attributes <> ?")
                .params(chosen, admin, LocalDateTime.now(clock), chosen).update();
        Policy changed = policy();
        versions.record(VERSION_KIND, "", admin, content(changed));
        return changed;
    }

    @Override
    public Map<String, Map<String, Object>> configuration() {
        return Map.of(VERSION_KIND, Map.of("", content(policy())));
    }

    private static Map<String, Object> content(Policy policy) {
        return Map.of("attributes", policy.attributes());
    }

    /** The requester as an expert may see them; only experts and admins see requesters at all. */
    public Map<String, String> view(String requesterId, String viewer) {
        if (!roles.isMember(viewer, GatehouseGroups.EXPERTS) && !roles.isMember(viewer, GatehouseGroups.ADMINS)) {
            throw new ForbiddenException("Only experts see requesters' profiles");
        }
        return forExperts(requesterId);
    }

    /** The same view, for a place only experts reach: the form of a team's ticket task. */
    public Map<String, String> forExperts(String requesterId) {
        Person person = people.get(requesterId);
        Map<String, String> view = new LinkedHashMap<>();
        view.put("id", person.id());
        policy().attributes().stream().map(RequesterAttribute::byKey)
                .forEach(attribute -> view.put(attribute.key(), attribute.valueOf(person)));
        return view;
    }
}
