package org.gatehouse.channels;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.gatehouse.channels.SharingPolicy.ChannelAction;
import org.gatehouse.channels.SharingPolicy.Mode;
import org.gatehouse.channels.SharingPolicy.Rule;
import org.gatehouse.directory.RoleService;
import org.gatehouse.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class SharingPolicyService {

    private final JdbcClient jdbc;
    private final RoleService roles;
    private final Clock clock;

    SharingPolicyService(JdbcClient jdbc, RoleService roles, Clock clock) {
        this.jdbc = jdbc;
        this.roles = roles;
        this.clock = clock;
    }

    public SharingPolicy current() {
        Map<ChannelAction, Rule> rules = new EnumMap<>(ChannelAction.class);
        jdbc.sql("select action, rule_mode, allowed_groups from channel_rule").query(rs -> {
            rules.put(ChannelAction.valueOf(rs.getString(1)), new Rule(Mode.valueOf(rs.getString(2)), split(rs.getString(3))));
        });
        return jdbc.sql("select share_mode, allowed_groups, changed_by, changed_at from sharing_policy where id = 1")
                .query((rs, i) -> new SharingPolicy(Mode.valueOf(rs.getString(1)), split(rs.getString(2)), rules,
                        rs.getString(3), rs.getTimestamp(4).toLocalDateTime()))
                .single();
    }

    /** Changes who may share and, for the actions named in {@code channelRules}, who may act on shared channels. */
    @Transactional
    public SharingPolicy change(Mode shareMode, List<String> allowedGroups, Map<ChannelAction, Rule> channelRules,
            String admin) {
        String groups = groups("allowedGroups", shareMode, allowedGroups);
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("update sharing_policy set share_mode = ?, allowed_groups = ?, changed_by = ?, changed_at = ? where id = 1")
                .params(shareMode.name(), groups, admin, now).update();
        if (channelRules != null) {
            channelRules.forEach((action, rule) -> {
                if (rule == null) {
                    throw new InvalidInputException("channelRules." + action, "A rule needs a mode");
                }
                String ruleGroups = groups("channelRules." + action + ".allowedGroups", rule.mode(), rule.allowedGroups());
                jdbc.sql("update channel_rule set rule_mode = ?, allowed_groups = ?, changed_by = ?, changed_at = ? where action = ?")
                        .params(rule.mode().name(), ruleGroups, admin, now, action.name()).update();
            });
        }
        return current();
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
