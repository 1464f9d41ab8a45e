package org.gatehouse.approvals;

import java.net.URI;
import java.security.Principal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.gatehouse.platform.SingleLine;

/** An expert or admin asks an employee to approve something, before tickets exist or outside of one. */
@RestController
@RequestMapping("/api/approvals")
class ApprovalController {

    private final ApprovalWorkflow workflow;
    private final ApprovalService approvals;

    ApprovalController(ApprovalWorkflow workflow, ApprovalService approvals) {
        this.workflow = workflow;
        this.approvals = approvals;
    }

    record Request(@NotBlank @Size(max = 64) String approver, @NotBlank @Size(max = 200) @SingleLine String subject,
            @Size(max = 4000) String details, @Size(max = 200) String subjectRef, @Size(max = 32) String dueIn) {
    }

    @PostMapping
    ResponseEntity<ApprovalView> request(@Valid @RequestBody Request request, Principal principal) {
        ApprovalView view = workflow.request(request.approver(), request.subject(), request.details(),
                request.subjectRef(), request.dueIn(), principal.getName());
        return ResponseEntity.created(URI.create("/api/approvals/" + view.id())).body(view);
    }

    @GetMapping("/{id}")
    ApprovalView get(@PathVariable String id, Principal principal) {
        return approvals.view(id, principal.getName());
    }
}
