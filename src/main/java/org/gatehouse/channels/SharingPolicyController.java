package org.gatehouse.channels;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.gatehouse.directory.RoleService;
import org.gatehouse.platform.ConfigurationVersion;
import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.GatehouseGroups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A1: everyone reads the policy; admins change it, and the change records who made it. */
@RestController
@RequestMapping("/api/sharing-policy")
class SharingPolicyController {

    private final SharingPolicyService policy;
    private final RoleService roles;

    SharingPolicyController(SharingPolicyService policy, RoleService roles) {
        this.policy = policy;
        this.roles = roles;
    }

    @GetMapping
    SharingPolicy get() {
        return policy.current();
    }

    /** Every version of the policy and of the channel rules, newest first, with who changed it and when. */
    @GetMapping("/versions")
    List<ConfigurationVersion> versions(Principal principal) {
        if (!roles.isWorkspaceAdmin(principal.getName()) && !roles.isMember(principal.getName(), GatehouseGroups.AUDITORS)) {
            throw new ForbiddenException("Only admins and auditors read the policy's versions");
        }
        return policy.versions();
    }

    @PutMapping
    SharingPolicy change(@Valid @RequestBody Change change, Principal principal) {
        if (!roles.isWorkspaceAdmin(principal.getName())) {
            throw new ForbiddenException("Only admins change the sharing policy");
        }
        return policy.change(change.shareMode(), change.allowedGroups(), change.channelRules(), principal.getName());
    }

    record Change(@NotNull SharingPolicy.Mode shareMode, List<String> allowedGroups,
            Map<SharingPolicy.ChannelAction, SharingPolicy.Rule> channelRules) {
    }
}
