package org.gatehouse.access;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

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
        return jdbc.sql("select share_mode, allowed_groups, changed_by, changed_at from sharing_policy where id = 1")
                .query((rs, i) -> new SharingPolicy(SharingPolicy.Mode.valueOf(rs.getString(1)), split(rs.getString(2)),
                        rs.getString(3), rs.getTimestamp(4).toLocalDateTime()))
                .single();
    }

    @Transactional
    public SharingPolicy change(SharingPolicy.Mode mode, List<String> allowedGroups, String admin) {
        if (mode == null) {
            throw new InvalidInputException("shareMode", "The share mode is required");
        }
        List<String> groups = allowedGroups == null ? List.of() : allowedGroups.stream().map(String::trim).toList();
        if (mode == SharingPolicy.Mode.GROUPS && groups.isEmpty()) {
            throw new InvalidInputException("allowedGroups", "Name at least one group that may share");
        }
        if (groups.stream().anyMatch(g -> g.isEmpty() || g.contains(","))) {
            throw new InvalidInputException("allowedGroups", "Group ids are non-blank and have no commas");
        }
        jdbc.sql("update sharing_policy set share_mode = ?, allowed_groups = ?, changed_by = ?, changed_at = ? where id = 1")
                .params(mode.name(), String.join(",", groups), admin, LocalDateTime.now(clock)).update();
        return current();
    }

    public boolean mayShare(String userId) {
        if (roles.isWorkspaceAdmin(userId)) {
            return true;
        }
        SharingPolicy policy = current();
        return switch (policy.shareMode()) {
            case EVERYONE -> true;
            case ADMINS_ONLY -> false;
            case GROUPS -> policy.allowedGroups().stream().anyMatch(g -> roles.isMember(userId, g));
        };
    }

    private static List<String> split(String groups) {
        return groups.isBlank() ? List.of() : Arrays.asList(groups.split(","));
    }
}
