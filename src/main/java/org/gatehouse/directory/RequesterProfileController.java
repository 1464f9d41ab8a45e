package org.gatehouse.directory;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.GatehouseGroups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** C2: admins choose what experts see about requesters; experts read requesters' profiles through that choice. */
@RestController
@RequestMapping("/api/directory")
class RequesterProfileController {

    private final RequesterProfiles profiles;
    private final RoleService roles;

    RequesterProfileController(RequesterProfiles profiles, RoleService roles) {
        this.profiles = profiles;
        this.roles = roles;
    }

    @GetMapping("/requester-attributes")
    RequesterProfiles.Policy policy() {
        return profiles.policy();
    }

    @PutMapping("/requester-attributes")
    RequesterProfiles.Policy change(@Valid @RequestBody Change change, Principal principal) {
        if (!roles.isMember(principal.getName(), GatehouseGroups.ADMINS)) {
            throw new ForbiddenException("Only admins choose what experts see about requesters");
        }
        return profiles.change(change.attributes(), principal.getName());
    }

    @GetMapping("/requesters/{id}")
    Map<String, String> requester(@PathVariable String id, Principal principal) {
        return profiles.view(id, principal.getName());
    }

    record Change(@NotNull List<String> attributes) {
    }
}
