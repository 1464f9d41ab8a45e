package org.gatehouse.access;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class AccessRequestController {

    private final AccessRequestWorkflow workflow;
    private final AccessRequestService requests;

    AccessRequestController(AccessRequestWorkflow workflow, AccessRequestService requests) {
        this.workflow = workflow;
        this.requests = requests;
    }

    /** A2: the requester is whoever is signed in. */
    @PostMapping("/access-requests")
    ResponseEntity<AccessRequestView> submit(@Valid @RequestBody AccessRequestDraft draft, Principal principal) {
        AccessRequestView view = workflow.submit(draft, principal.getName());
        return ResponseEntity.created(URI.create("/api/access-requests/" + view.id())).body(view);
    }

    @GetMapping("/access-requests")
    List<AccessRequestView> list(@RequestParam(required = false) AccessRequestStatus status,
            @RequestParam(required = false) String partner, @RequestParam(required = false) String requester,
            Principal principal) {
        return requests.list(status, partner, requester, principal.getName());
    }

    @GetMapping("/access-requests/{id}")
    AccessRequestView get(@PathVariable String id, Principal principal) {
        return requests.view(id, principal.getName());
    }

    @PostMapping("/access-requests/{id}/withdraw")
    AccessRequestView withdraw(@PathVariable String id, Principal principal) {
        return workflow.withdraw(id, principal.getName());
    }

    @PostMapping("/access-requests/{id}/disconnect")
    AccessRequestView disconnect(@PathVariable String id, Principal principal) {
        return workflow.disconnect(id, principal.getName());
    }
}
