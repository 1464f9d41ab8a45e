package org.gatehouse.experts;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** C6, C7: an expert or admin names an employee, who is invited to become an expert. */
@RestController
@RequestMapping("/api/experts/invitations")
class ExpertInvitationController {

    private final ExpertOnboardingWorkflow workflow;
    private final ExpertInvitationService invitations;

    ExpertInvitationController(ExpertOnboardingWorkflow workflow, ExpertInvitationService invitations) {
        this.workflow = workflow;
        this.invitations = invitations;
    }

    record Invite(@NotBlank @Size(max = 64) String personId) {
    }

    @PostMapping
    ResponseEntity<ExpertInvitationView> invite(@Valid @RequestBody Invite invite, Principal principal) {
        ExpertInvitationView view = workflow.invite(invite.personId(), principal.getName());
        return ResponseEntity.created(URI.create("/api/experts/invitations/" + view.id())).body(view);
    }

    @GetMapping
    List<ExpertInvitationView> list(@RequestParam(required = false) ExpertInvitation.Status status,
            @RequestParam(required = false) String personId, Principal principal) {
        return invitations.list(status, personId, principal.getName());
    }

    @GetMapping("/{id}")
    ExpertInvitationView get(@PathVariable String id, Principal principal) {
        return invitations.view(id, principal.getName());
    }
}
