package org.gatehouse.access;

import java.net.URI;
import java.security.Principal;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A10: ending the partnership with one outside organisation, confirmed by a second admin. */
@RestController
@RequestMapping("/api/partners/{partnerId}")
class PartnerController {

    private final OffboardingWorkflow workflow;
    private final OffboardingService offboardings;

    PartnerController(OffboardingWorkflow workflow, OffboardingService offboardings) {
        this.workflow = workflow;
        this.offboardings = offboardings;
    }

    /** Starts the offboarding: 202, since nothing is disconnected before a second admin confirms. */
    @PostMapping("/disconnect")
    ResponseEntity<OffboardingView> disconnect(@PathVariable String partnerId, @Valid @RequestBody OffboardingDraft draft,
            Principal principal) {
        OffboardingView view = workflow.start(partnerId, draft, principal.getName());
        return ResponseEntity.accepted().location(URI.create("/api/partners/" + partnerId + "/offboardings/" + view.id()))
                .body(view);
    }

    /** Calls it off while it awaits the second admin: the admin who asked, or a workspace admin. */
    @PostMapping("/offboardings/{id}/cancel")
    OffboardingView cancel(@PathVariable String partnerId, @PathVariable String id, Principal principal) {
        return workflow.cancel(partnerId, id, principal.getName());
    }

    @GetMapping("/offboardings/{id}")
    OffboardingView offboarding(@PathVariable String partnerId, @PathVariable String id, Principal principal) {
        return offboardings.view(partnerId, id, principal.getName());
    }
}
