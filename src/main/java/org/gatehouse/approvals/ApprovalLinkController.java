package org.gatehouse.approvals;

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
 * The approver's link, reached without signing in (imported employees often have no account): the token is the
 * credential. Tasklist's task {@code approve} takes the same answer.
 */
@LinkPage("/approvals/{token}")
class ApprovalLinkController extends LinkPageController<ApprovalWorkflow, ApprovalService.LinkView> {

    ApprovalLinkController(ApprovalWorkflow workflow, LinkPages pages) {
        super(workflow, pages, "approval", "approval", ApprovalWorkflow::approval, ApprovalWorkflow::processOf);
    }

    @PostMapping(path = "/approve", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> approve(@PathVariable String token, @Valid @RequestBody(required = false) Answer answer) {
        return answer(() -> workflow.answerByLink(token, true, comment(answer)), "approved");
    }

    @PostMapping(path = "/approve", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    String approveForm(@PathVariable String token, @Valid @ModelAttribute Answer answer, HttpServletResponse response) {
        return answerForm(token, () -> workflow.answerByLink(token, true, answer.comment()), "approved", response);
    }

    @PostMapping(path = "/reject", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> reject(@PathVariable String token, @Valid @RequestBody(required = false) Answer answer) {
        return answer(() -> workflow.answerByLink(token, false, comment(answer)), "rejected");
    }

    @PostMapping(path = "/reject", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    String rejectForm(@PathVariable String token, @Valid @ModelAttribute Answer answer, HttpServletResponse response) {
        return answerForm(token, () -> workflow.answerByLink(token, false, answer.comment()), "rejected", response);
    }

    /** A client may post no body at all. */
    private static String comment(Answer answer) {
        return answer == null ? null : answer.comment();
    }

    record Answer(@Size(max = 2000) String comment) {
    }
}
