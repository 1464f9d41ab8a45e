package org.gatehouse.channels;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.gatehouse.channels.SharingPolicy.ChannelAction;
import org.gatehouse.channels.SharingPolicy.Mode;
import org.gatehouse.channels.SharingPolicy.Rule;
import org.gatehouse.directory.RoleService;
import org.gatehouse.platform.ConfigurationVersion;
import org.gatehouse.platform.ConfigurationVersions;
import org.gatehouse.platform.InvalidInputException;
import org.gatehouse.platform.VersionedConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class SharingPolicyService implements VersionedConfiguration {

    private final JdbcClient jdbc;
    private final RoleService roles;
    private final ConfigurationVersions versions;
    private final Clock clock;

    SharingPolicyService(JdbcClient jdbc, RoleService roles, ConfigurationVersions versions, Clock clock) {
        this.jdbc = jdbc;
        this.roles = roles;
        this.versions = versions;
        this.clock = clock;
    }

    /** The policy; who changed it last and when, of who may share and every channel rule. */
    public SharingPolicy current() {
        Map<ChannelAction, Rule> rules = new EnumMap<>(ChannelAction.class);
        List<Change> changes = new ArrayList<>();
        jdbc.sql("select action, rule_mode, allowed_groups, changed_by, changed_at from channel_rule").query(rs -> {
            rules.put(ChannelAction.valueOf(rs.getString(1)), new Rule(Mode.valueOf(rs.getString(2)), split(rs.getString(3))));
            changes.add(new Change(rs.getString(4), rs.getTimestamp(5).toLocalDateTime()));
        });
        return jdbc.sql("select share_mode, allowed_groups, changed_by, changed_at from sharing_policy where id = 1")
                .query((rs, i) -> {
                    changes.add(new Change(rs.getString(3), rs.getTimestamp(4).toLocalDateTime()));
                    Change last = changes.stream().max(Comparator.comparing(Change::at)).orElseThrow();
                    return new SharingPolicy(Mode.valueOf(rs.getString(1)), split(rs.getString(2)), rules, last.by(), last.at());
                })
                .single();
    }

    private record Change(String by, LocalDateTime at) {
    }

    /**
     * Changes who may share and, for the actions named in {@code channelRules}, who may act on shared channels; what
     * changed becomes a version of the sharing policy, of the channel rules, or both. A rule set to what it was is no
     * change: it keeps who changed it last.
     */
    @Transactional
    public SharingPolicy change(Mode shareMode, List<String> allowedGroups, Map<ChannelAction, Rule> channelRules,
            String admin) {
        String groups = groups("allowedGroups", shareMode, allowedGroups);
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("update sharing_policy set share_mode = ?, allowed_groups = ?, changed_by = ?, changed_at = ? "
                        + "where id = 1 and (share_mode <> ? or allowed_groups <> ?)")
                .params(shareMode.name(), groups, admin, now, shareMode.name(), groups).update();
        if (channelRules != null) {
            channelRules.forEach((action, rule) -> {
                if (rule == null) {
                    throw new InvalidInputException("channelRules." + action, "A rule needs a mode");
                }
                String ruleGroups = groups("channelRules." + action + ".allowedGroups", rule.mode(), rule.allowedGroups());
                jdbc.sql("update channel_rule set rule_mode = ?, allowed_groups = ?, changed_by = ?, changed_at = ? "
                                + "where action = ? and (rule_mode <> ? or allowed_groups <> ?)")
                        .params(rule.mode().name(), ruleGroups, admin, now, action.name(), rule.mode().name(), ruleGroups)
                        .update();
            });
        }
        SharingPolicy changed = current();
        configuration(changed).forEach((kind, content) -> versions.record(kind, "", admin, content));
        return changed;
    }

    /** Every version of who may share and of the channel rules, newest first: the policy's history (A1). */
    public List<ConfigurationVersion> versions() {
        return Stream.of(SharingPolicy.VERSION_KIND, SharingPolicy.CHANNEL_RULES_VERSION_KIND)
                .flatMap(kind -> versions.versions(kind, "").stream())
                .sorted(Comparator.comparing(ConfigurationVersion::changedAt).thenComparing(ConfigurationVersion::kind)
                        .reversed())
                .toList();
    }

    @Override
    public Map<String, Map<String, Object>> configuration() {
        Map<String, Map<String, Object>> singletons = new LinkedHashMap<>();
        configuration(current()).forEach((kind, content) -> singletons.put(kind, Map.of("", content)));
        return singletons;
    }

    /** The policy as its two kinds of version hold it. */
    private static Map<String, Object> configuration(SharingPolicy policy) {
        return Map.of(SharingPolicy.VERSION_KIND, Map.of("shareMode", policy.shareMode(), "allowedGroups", policy.allowedGroups()),
                SharingPolicy.CHANNEL_RULES_VERSION_KIND, policy.channelRules());
    }

    public boolean mayShare(String userId) {
        SharingPolicy policy = current();
        return allows(new Rule(policy.shareMode(), policy.allowedGroups()), userId);
    }

    public boolean may(String userId, ChannelAction action) {
        return allows(current().channelRules().get(action), userId);
    }

    private boolean allows(Rule rule, String userId) {
        if (roles.isWorkspaceAdmin(userId)) {
            return true;
        }
        return switch (rule.mode()) {
            case EVERYONE -> true;
            case ADMINS_ONLY -> false;
            case GROUPS -> rule.allowedGroups().stream().anyMatch(g -> roles.isMember(userId, g));
        };
    }

    private static String groups(String field, Mode mode, List<String> allowedGroups) {
        if (mode == null) {
            throw new InvalidInputException(field.replace("allowedGroups", "mode"), "The mode is required");
        }
        List<String> groups = allowedGroups == null ? List.of() : allowedGroups.stream().map(String::trim).toList();
        if (mode == Mode.GROUPS && groups.isEmpty()) {
            throw new InvalidInputException(field, "Name at least one group");
        }
        if (groups.stream().anyMatch(g -> g.isEmpty() || g.contains(","))) {
            throw new InvalidInputException(field, "Group ids are non-blank and have no commas");
        }
        return String.join(",", groups);
    }

    private static List<String> split(String groups) {
        return groups.isBlank() ? List.of() : Arrays.asList(groups.split(","));
    }
}
