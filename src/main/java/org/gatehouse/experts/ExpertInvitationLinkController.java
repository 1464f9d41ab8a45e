package org.gatehouse.experts;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.gatehouse.platform.LinkPage;
import org.gatehouse.platform.LinkPageController;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The invitee's link (C7), reached without signing in: the token is the credential. Tasklist's task
 * {@code acceptInvitation} takes the same answer.
 */
@LinkPage("/expert-invitations/{token}")
class ExpertInvitationLinkController extends LinkPageController<ExpertOnboardingWorkflow, ExpertInvitationService.LinkView> {

    ExpertInvitationLinkController(ExpertOnboardingWorkflow workflow) {
        super(workflow, "expert-invitation.mustache", "invitation", ExpertOnboardingWorkflow::invitation);
    }

    @PostMapping(path = "/accept", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> accept(@PathVariable String token) {
        return answer(() -> workflow.acceptByLink(token), "accepted");
    }

    @PostMapping(path = "/accept", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    String acceptForm(@PathVariable String token) {
        return answerForm(() -> workflow.acceptByLink(token), "Welcome aboard: you are now a Conversations Expert. "
                + "Your teams' requests wait for you in Tasklist.");
    }

    @PostMapping(path = "/decline", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> decline(@PathVariable String token, @Valid @RequestBody(required = false) Decline decline) {
        return answer(() -> workflow.declineByLink(token, decline == null ? null : decline.reason()), "declined");
    }

    @PostMapping(path = "/decline", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    String declineForm(@PathVariable String token, @Valid @ModelAttribute Decline decline) {
        return answerForm(() -> workflow.declineByLink(token, decline.reason()), "Your answer is recorded: the "
                + "invitation is declined and nothing changes.");
    }

    record Decline(@Size(max = 2000) String reason) {
    }
}
