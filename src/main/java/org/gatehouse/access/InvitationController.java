package org.gatehouse.access;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.gatehouse.platform.LinkPage;
import org.gatehouse.platform.LinkPageController;
import org.gatehouse.platform.LinkPages;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** The partner's side of A5, reached without an account: the token in the link is the only credential. */
@LinkPage("/invite/{token}")
class InvitationController extends LinkPageController<AccessRequestWorkflow, InvitationView> {

    InvitationController(AccessRequestWorkflow workflow, LinkPages pages) {
        super(workflow, pages, "invitation", "invitation", AccessRequestWorkflow::invitation,
                AccessRequestWorkflow::invitationProcess);
    }

    @PostMapping(path = "/accept", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> accept(@PathVariable String token, @Valid @RequestBody PartnerAcceptance acceptance) {
        return answer(() -> workflow.partnerAccepts(token, acceptance), "accepted");
    }

    @PostMapping(path = "/accept", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    String acceptForm(@PathVariable String token, @Valid @ModelAttribute PartnerAcceptance acceptance,
            HttpServletResponse response) {
        return answerForm(token, () -> workflow.partnerAccepts(token, acceptance), "accepted", response);
    }

    @PostMapping(path = "/decline", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> decline(@PathVariable String token, @Valid @RequestBody PartnerDecline decline) {
        return answer(() -> workflow.partnerDeclines(token, decline), "declined");
    }

    @PostMapping(path = "/decline", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    String declineForm(@PathVariable String token, @Valid @ModelAttribute PartnerDecline decline,
            HttpServletResponse response) {
        return answerForm(token, () -> workflow.partnerDeclines(token, decline), "declined", response);
    }
}
