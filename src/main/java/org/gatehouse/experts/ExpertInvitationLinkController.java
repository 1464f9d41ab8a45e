package org.gatehouse.experts;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.gatehouse.platform.LinkPage;
import org.gatehouse.platform.LinkPageController;
import org.gatehouse.platform.LinkPages;
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

    ExpertInvitationLinkController(ExpertOnboardingWorkflow workflow, LinkPages pages) {
        super(workflow, pages, "expert-invitation", "invitation", ExpertOnboardingWorkflow::invitation,
                ExpertOnboardingWorkflow::processOf);
    }

    @PostMapping(path = "/accept", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> accept(@PathVariable String token) {
        return answer(() -> workflow.acceptByLink(token), "accepted");
    }

    @PostMapping(path = "/accept", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    String acceptForm(@PathVariable String token, HttpServletResponse response) {
        return answerForm(token, () -> workflow.acceptByLink(token), "accepted", response);
    }

    @PostMapping(path = "/decline", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> decline(@PathVariable String token, @Valid @RequestBody(required = false) Decline decline) {
        return answer(() -> workflow.declineByLink(token, decline == null ? null : decline.reason()), "declined");
    }

    @PostMapping(path = "/decline", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    String declineForm(@PathVariable String token, @Valid @ModelAttribute Decline decline,
            HttpServletResponse response) {
        return answerForm(token, () -> workflow.declineByLink(token, decline.reason()), "declined", response);
    }

    record Decline(@Size(max = 2000) String reason) {
    }
}
