package org.gatehouse.tickets;

import java.security.Principal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.gatehouse.platform.SingleLine;

/**
 * Tickets over HTTP: requesters read their own; experts work them as in Tasklist (claim, reply, resolve, transfer),
 * add notes, collaborators and approvals, and change the requester. Every answer is the ticket as the caller may see it.
 * Filing a ticket and the requester's answers are the intake's ({@code POST /api/tickets}, {@code …/answers}).
 */
@RestController
@RequestMapping("/api/tickets")
class TicketController {

    private final TicketWorkflow workflow;
    private final TicketService tickets;
    private final TicketCollaborators collaborators;
    private final TicketRequesterChanges requesterChanges;

    TicketController(TicketWorkflow workflow, TicketService tickets, TicketCollaborators collaborators,
            TicketRequesterChanges requesterChanges) {
        this.workflow = workflow;
        this.tickets = tickets;
        this.collaborators = collaborators;
        this.requesterChanges = requesterChanges;
    }

    @GetMapping
    List<TicketView.Summary> list(@RequestParam(required = false) Ticket.Status status,
            @RequestParam(required = false) String team, @RequestParam(defaultValue = "100") int limit,
            Principal principal) {
        return tickets.list(principal.getName(), status, team, limit);
    }

    @GetMapping("/{id}")
    TicketView get(@PathVariable long id, Principal principal) {
        return tickets.view(id, principal.getName());
    }

    @PostMapping("/{id}/claim")
    TicketView claim(@PathVariable long id, Principal principal) {
        workflow.claim(id, principal.getName());
        return tickets.view(id, principal.getName());
    }

    /** Lengths are the service's to check, so the API and the forms refuse alike. */
    record Reply(String body, boolean waitForRequester) {
    }

    @PostMapping("/{id}/replies")
    TicketView reply(@PathVariable long id, @RequestBody Reply reply, Principal principal) {
        workflow.reply(id, principal.getName(), reply.body(), reply.waitForRequester());
        return tickets.view(id, principal.getName());
    }

    record Text(String body) {
    }

    @PostMapping("/{id}/notes")
    TicketView note(@PathVariable long id, @RequestBody Text note, Principal principal) {
        workflow.note(id, principal.getName(), note.body());
        return tickets.view(id, principal.getName());
    }

    @PostMapping("/{id}/resolve")
    TicketView resolve(@PathVariable long id, @RequestBody(required = false) Text reply, Principal principal) {
        workflow.resolve(id, principal.getName(), reply == null ? null : reply.body());
        return tickets.view(id, principal.getName());
    }

    record Team(@NotBlank @Size(max = 59) String team) {
    }

    @PostMapping("/{id}/triage")
    TicketView triage(@PathVariable long id, @Valid @RequestBody Team team, Principal principal) {
        workflow.triage(id, team.team(), principal.getName());
        return tickets.view(id, principal.getName());
    }

    @PostMapping("/{id}/transfer")
    TicketView transfer(@PathVariable long id, @Valid @RequestBody Team team, Principal principal) {
        workflow.transfer(id, team.team(), principal.getName());
        return tickets.view(id, principal.getName());
    }

    record Collaborator(@NotBlank @Size(max = 320) String email) {
    }

    @PostMapping("/{id}/collaborators")
    TicketView addCollaborator(@PathVariable long id, @Valid @RequestBody Collaborator collaborator,
            Principal principal) {
        collaborators.add(id, collaborator.email(), principal.getName());
        return tickets.view(id, principal.getName());
    }

    @DeleteMapping("/{id}/collaborators/{email}")
    TicketView removeCollaborator(@PathVariable long id, @PathVariable String email, Principal principal) {
        collaborators.remove(id, email, principal.getName());
        return tickets.view(id, principal.getName());
    }

    record ApprovalRequest(@NotBlank @Size(max = 64) String approver, @NotBlank @Size(max = 200) @SingleLine String subject,
            @Size(max = 4000) String details, @Size(max = 32) String dueIn) {
    }

    @PostMapping("/{id}/approvals")
    TicketView requestApproval(@PathVariable long id, @Valid @RequestBody ApprovalRequest request, Principal principal) {
        workflow.requestApproval(id, principal.getName(), request.approver(), request.subject(), request.details(),
                request.dueIn());
        return tickets.view(id, principal.getName());
    }

    record RequesterChange(@NotBlank @Size(max = 64) String requester, @Size(max = 500) String reason) {
    }

    @PutMapping("/{id}/requester")
    TicketView changeRequester(@PathVariable long id, @Valid @RequestBody RequesterChange change, Principal principal) {
        requesterChanges.change(id, change.requester(), change.reason(), principal.getName());
        return tickets.view(id, principal.getName());
    }
}
