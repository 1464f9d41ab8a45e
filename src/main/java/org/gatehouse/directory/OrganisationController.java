package org.gatehouse.directory;

import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;

import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.GatehouseGroups;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The host, its partners and the host's workspaces: every member reads them, admins set them up. */
@RestController
@RequestMapping("/api")
class OrganisationController {

    private final OrganisationService organisations;
    private final RoleService roles;

    OrganisationController(OrganisationService organisations, RoleService roles) {
        this.organisations = organisations;
        this.roles = roles;
    }

    @GetMapping("/organisations")
    List<Organisation> organisations() {
        List<Organisation> all = new ArrayList<>();
        organisations.findHost().ifPresent(all::add);
        all.addAll(organisations.partners());
        return all;
    }

    @PostMapping("/organisations")
    ResponseEntity<Organisation> register(@Valid @RequestBody OrganisationDraft draft, Principal principal) {
        requireAdmin(principal);
        Organisation organisation = organisations.register(draft);
        return ResponseEntity.created(URI.create("/api/organisations/" + organisation.id())).body(organisation);
    }

    @GetMapping("/workspaces")
    List<Workspace> workspaces() {
        return organisations.workspaces();
    }

    @PostMapping("/workspaces")
    ResponseEntity<Workspace> registerWorkspace(@Valid @RequestBody WorkspaceDraft draft, Principal principal) {
        requireAdmin(principal);
        Workspace workspace = organisations.registerWorkspace(draft);
        return ResponseEntity.created(URI.create("/api/workspaces/" + workspace.id())).body(workspace);
    }

    private void requireAdmin(Principal principal) {
        if (!roles.isMember(principal.getName(), GatehouseGroups.ADMINS)) {
            throw new ForbiddenException("Only admins set up organisations and workspaces");
        }
    }
}
