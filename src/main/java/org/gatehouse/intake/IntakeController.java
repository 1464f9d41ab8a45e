package org.gatehouse.intake;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.SingleLine;
import org.gatehouse.tickets.TicketService;
import org.gatehouse.tickets.TicketView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API's way in: an employee files a request (or an expert files one for them) and answers on it, through the
 * same intake as e-mail; and the experts' view of what came in, with the review queue of C10.
 */
@RestController
class IntakeController {

    private final IntakeService intake;
    private final TicketService tickets;

    IntakeController(IntakeService intake, TicketService tickets) {
        this.intake = intake;
        this.tickets = tickets;
    }

    /** Lengths are checked by the intake, after the message is stored: a refused message is kept too. */
    record NewRequest(@SingleLine String subject, String body, String category, String onBehalfOf) {
    }

    @PostMapping("/api/tickets")
    ResponseEntity<TicketView> file(@RequestBody NewRequest request, Principal principal) {
        IntakeService.Outcome outcome = intake.receive(Inbound.api(principal.getName(), request.subject(), request.body(),
                request.category(), request.onBehalfOf()));
        if (outcome.ticketId() == null) {
            throw new ForbiddenException("Only active employees file requests; the message is kept "
                    + "for review (" + outcome.inboundId() + ")");
        }
        return ResponseEntity.created(URI.create("/api/tickets/" + outcome.ticketId()))
                .body(tickets.view(outcome.ticketId(), principal.getName()));
    }

    record Answer(String body) {
    }

    /** The requester answers over the API: a pending ticket is open again, a resolved one reopens. */
    @PostMapping("/api/tickets/{id}/answers")
    TicketView answer(@PathVariable long id, @RequestBody Answer answer, Principal principal) {
        intake.receive(Inbound.apiAnswer(principal.getName(), id, answer.body()));
        return tickets.view(id, principal.getName());
    }

    @GetMapping("/api/intake/messages")
    List<InboundMessage> list(@RequestParam(defaultValue = "REVIEW") InboundMessage.Status status,
            @RequestParam(defaultValue = "100") int limit, Principal principal) {
        return intake.list(status, principal.getName(), limit);
    }

    record Conversion(@Size(max = 64) String requester, @Size(max = 59) String category) {
    }

    @PostMapping("/api/intake/messages/{id}/convert")
    IntakeService.Outcome convert(@PathVariable String id, @Valid @RequestBody(required = false) Conversion conversion,
            Principal principal) {
        Conversion c = conversion == null ? new Conversion(null, null) : conversion;
        return intake.convert(id, c.requester(), c.category(), principal.getName());
    }

    @PostMapping("/api/intake/messages/{id}/dismiss")
    IntakeService.Outcome dismiss(@PathVariable String id, Principal principal) {
        return intake.dismiss(id, principal.getName());
    }
}
