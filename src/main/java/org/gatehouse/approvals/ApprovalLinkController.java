package org.gatehouse.approvals;

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
 * The approver's link, reached without signing in (imported employees often have no account): the token is the
 * credential. A small HTML page for people, JSON for clients that ask for it. Tasklist's task {@code approve} takes
 * the same answer.
 */
@RestController
@LinkPage
@RequestMapping("/approvals/{token}")
class ApprovalLinkController {

    private final ApprovalWorkflow workflow;
    private final Template page;

    ApprovalLinkController(ApprovalWorkflow workflow) {
        this.workflow = workflow;
        this.page = HtmlPages.load("approval.mustache");
    }

    record Answer(@Size(max = 2000) String comment) {
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ApprovalService.LinkView json(@PathVariable String token) {
        return workflow.approval(token);
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    String html(@PathVariable String token) {
        return page.execute(Map.of("approval", workflow.approval(token), "token", token));
    }

    @PostMapping(path = "/approve", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> approve(@PathVariable String token, @Valid @RequestBody(required = false) Answer answer) {
        workflow.answerByLink(token, true, answer == null ? null : answer.comment());
        return Map.of("result", "approved");
    }

    @PostMapping(path = "/approve", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    String approveForm(@PathVariable String token, @Valid @ModelAttribute Answer answer) {
        workflow.answerByLink(token, true, answer.comment());
        return page.execute(Map.of("answered", "Thank you: your approval is recorded."));
    }

    @PostMapping(path = "/reject", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> reject(@PathVariable String token, @Valid @RequestBody(required = false) Answer answer) {
        workflow.answerByLink(token, false, answer == null ? null : answer.comment());
        return Map.of("result", "rejected");
    }

    @PostMapping(path = "/reject", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    String rejectForm(@PathVariable String token, @Valid @ModelAttribute Answer answer) {
        workflow.answerByLink(token, false, answer.comment());
        return page.execute(Map.of("answered", "Your answer is recorded: the request is rejected."));
    }
}
