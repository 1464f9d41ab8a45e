package org.gatehouse.slack;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Answers Slack's invitation request (business key: its invite id) as the record says (approved once the host admin
 * approved the request filed for it, denied when it ended before or none was filed), behind an async continuation
 * with retries. The decision is read from Gatehouse's record when the step runs, not from the instance: nothing Slack
 * sent decides it. Answered once: a retry after Slack took the answer sends nothing.
 */
@Component("answerSlackInviteRequest")
class AnswerSlackInviteRequestDelegate implements JavaDelegate {

    private final SlackInviteRequests requests;
    private final SlackWebApi slack;

    AnswerSlackInviteRequestDelegate(SlackInviteRequests requests, SlackWebApi slack) {
        this.requests = requests;
        this.slack = slack;
    }

    /**
     * Slack's answers that mean the answer is taken already: a retry after Slack approved or denied it, or a denial
     * of an invitation request that is gone (expired, or unknown to Slack), which nobody can approve any more.
     */
    private static boolean answeredBefore(String decision, SlackRefusedException refusal) {
        return "APPROVE".equals(decision) ? refusal.is("invite_already_approved")
                : Set.of("invite_already_denied", "invite_expired", "invite_not_found").contains(refusal.error());
    }

    @Override
    public void execute(DelegateExecution execution) {
        String inviteId = execution.getProcessBusinessKey();
        var request = requests.find(inviteId)
                .orElseThrow(() -> new IllegalStateException("There is no Slack invitation request " + inviteId));
        if (request.answeredAt() != null) {
            return;
        }
        try {
            if ("APPROVE".equals(request.decision())) {
                // the invitation request names its channel already; and Slack's client 1.47.0 would send a channel
                // given here as team_id
                slack.bot("conversations.requestSharedInvite.approve", c -> c.conversationsRequestSharedInviteApprove(
                        r -> r.inviteId(inviteId)));
            } else if ("DENY".equals(request.decision())) {
                slack.bot("conversations.requestSharedInvite.deny", c -> c.conversationsRequestSharedInviteDeny(r -> r
                        .inviteId(inviteId).message(request.reason())));
            } else {
                throw new IllegalStateException("Slack invitation request " + inviteId + " has no decision to send");
            }
        } catch (SlackRefusedException e) {
            if (!answeredBefore(request.decision(), e)) {
                throw e;
            }
        }
        requests.answered(inviteId);
    }
}
