package org.gatehouse.access;

import java.util.Map;

import jakarta.validation.Valid;

import com.samskivert.mustache.Template;

import org.gatehouse.platform.HtmlPages;
import org.gatehouse.platform.LinkPage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner's side of A5, reached without an account: the token in the link is the only credential. A small HTML
 * page for people, JSON for clients that ask for it.
 */
@RestController
@LinkPage
@RequestMapping("/invite/{token}")
class InvitationController {

    private final AccessRequestWorkflow workflow;
    private final Template page;

    InvitationController(AccessRequestWorkflow workflow) {
        this.workflow = workflow;
        this.page = HtmlPages.load("invitation.mustache");
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    InvitationView json(@PathVariable String token) {
        return workflow.invitation(token);
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    String html(@PathVariable String token) {
        return page.execute(Map.of("invitation", workflow.invitation(token), "token", token));
    }

    @PostMapping(path = "/accept", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> accept(@PathVariable String token, @Valid @RequestBody PartnerAcceptance acceptance) {
        workflow.partnerAccepts(token, acceptance);
        return ResponseEntity.ok(Map.of("result", "accepted"));
    }

    @PostMapping(path = "/accept", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    String acceptForm(@PathVariable String token, @Valid @ModelAttribute PartnerAcceptance acceptance) {
        workflow.partnerAccepts(token, acceptance);
        return page.execute(Map.of("answered", "Thank you: your side has accepted. You will join the channel once both admins have approved."));
    }

    @PostMapping(path = "/decline", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> decline(@PathVariable String token, @Valid @RequestBody PartnerDecline decline) {
        workflow.partnerDeclines(token, decline);
        return ResponseEntity.ok(Map.of("result", "declined"));
    }

    @PostMapping(path = "/decline", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    String declineForm(@PathVariable String token, @Valid @ModelAttribute PartnerDecline decline) {
        workflow.partnerDeclines(token, decline);
        return page.execute(Map.of("answered", "Your answer is recorded: the invitation is declined."));
    }
}
