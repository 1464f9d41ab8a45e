package org.gatehouse.experts;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import com.samskivert.mustache.Template;

import org.gatehouse.platform.HtmlPages;
import org.gatehouse.platform.LinkPage;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The invitee's link (C7), reached without signing in: the token is the credential. A small HTML page for people,
 * JSON for clients that ask for it. Tasklist's task {@code acceptInvitation} takes the same answer.
 */
@RestController
@LinkPage
@RequestMapping("/expert-invitations/{token}")
class ExpertInvitationLinkController {

    private final ExpertOnboardingWorkflow workflow;
    private final Template page;

    ExpertInvitationLinkController(ExpertOnboardingWorkflow workflow) {
        this.workflow = workflow;
        this.page = HtmlPages.load("expert-invitation.mustache");
    }

    record Decline(@Size(max = 2000) String reason) {
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ExpertInvitationService.LinkView json(@PathVariable String token) {
        return workflow.invitation(token);
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    String html(@PathVariable String token) {
        return page.execute(Map.of("invitation", workflow.invitation(token), "token", token));
    }

    @PostMapping(path = "/accept", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> accept(@PathVariable String token) {
        workflow.acceptByLink(token);
        return Map.of("result", "accepted");
    }

    @PostMapping(path = "/accept", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    String acceptForm(@PathVariable String token) {
        workflow.acceptByLink(token);
        return page.execute(Map.of("answered", "Welcome aboard: you are now a Conversations Expert. Your teams' "
                + "requests wait for you in Tasklist."));
    }

    @PostMapping(path = "/decline", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> decline(@PathVariable String token, @Valid @RequestBody(required = false) Decline decline) {
        workflow.declineByLink(token, decline == null ? null : decline.reason());
        return Map.of("result", "declined");
    }

    @PostMapping(path = "/decline", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    String declineForm(@PathVariable String token, @Valid @ModelAttribute Decline decline) {
        workflow.declineByLink(token, decline.reason());
        return page.execute(Map.of("answered", "Your answer is recorded: the invitation is declined and nothing changes."));
    }
}
