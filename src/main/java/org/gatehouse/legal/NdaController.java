package org.gatehouse.legal;

import java.net.URI;
import java.security.Principal;

import jakarta.validation.Valid;

import org.gatehouse.directory.Organisation;
import org.gatehouse.directory.OrganisationService;
import org.gatehouse.directory.RoleService;
import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.GatehouseGroups;
import org.gatehouse.platform.InvalidInputException;
import org.gatehouse.platform.NotFoundException;
import org.gatehouse.platform.ResultPage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The NDA register over HTTP (A3): Legal, workspace admins, auditors and admins read it; Legal and admins put an NDA on
 * file ahead of a request, so the request's NDA check finds it and asks Legal nothing.
 */
@RestController
@RequestMapping("/api/ndas")
class NdaController {

    private static final String[] READERS = {GatehouseGroups.LEGAL, GatehouseGroups.WORKSPACE_ADMINS,
        GatehouseGroups.AUDITORS, GatehouseGroups.ADMINS};

    private final NdaRegister register;
    private final OrganisationService organisations;
    private final RoleService roles;

    NdaController(NdaRegister register, OrganisationService organisations, RoleService roles) {
        this.register = register;
        this.organisations = organisations;
        this.roles = roles;
    }

    /** The register, latest expiry first; {@code organisation} narrows it to one partner's. */
    @GetMapping
    ResultPage<Nda> list(@RequestParam(required = false) String organisation, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, Principal principal) {
        requireAny(principal, "Only Legal, workspace admins, auditors and admins read the NDA register", READERS);
        return register.list(organisation, page, size);
    }

    @GetMapping("/{id}")
    Nda nda(@PathVariable String id, Principal principal) {
        requireAny(principal, "Only Legal, workspace admins, auditors and admins read the NDA register", READERS);
        return register.find(id).orElseThrow(() -> new NotFoundException("There is no NDA " + id));
    }

    /** Puts an NDA on file, recorded by the signed-in user: 201 with it. */
    @PostMapping
    ResponseEntity<Nda> record(@Valid @RequestBody NdaDraft draft, Principal principal) {
        requireAny(principal, "Only Legal and admins put NDAs on file", GatehouseGroups.LEGAL, GatehouseGroups.ADMINS);
        if (organisations.find(draft.organisationId()).filter(o -> o.kind() == Organisation.Kind.PARTNER).isEmpty()) {
            throw new InvalidInputException("organisationId", "'" + draft.organisationId() + "' is no partner organisation");
        }
        Nda nda = register.record(draft.organisationId(), draft.signedOn(), draft.expiresOn(), draft.documentRef(),
                principal.getName());
        return ResponseEntity.created(URI.create("/api/ndas/" + nda.id())).body(nda);
    }

    private void requireAny(Principal principal, String refusal, String... groups) {
        for (String group : groups) {
            if (roles.isMember(principal.getName(), group)) {
                return;
            }
        }
        throw new ForbiddenException(refusal);
    }
}
