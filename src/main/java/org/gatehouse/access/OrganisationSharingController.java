package org.gatehouse.access;

import java.security.Principal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A9: the outside organisations at a glance, for workspace admins and admins; also Cockpit's organisations view. */
@RestController
@RequestMapping("/api/organisations")
class OrganisationSharingController {

    private final SharingOverview overview;

    OrganisationSharingController(SharingOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/sharing")
    OrganisationSharing.Overview all(@RequestParam(defaultValue = "12") int weeks, Principal principal) {
        return overview.all(principal.getName(), weeks);
    }

    @GetMapping("/{id}/sharing")
    OrganisationSharing.Detail one(@PathVariable String id, @RequestParam(defaultValue = "12") int weeks,
            Principal principal) {
        return overview.one(id, principal.getName(), weeks);
    }
}
