package org.gatehouse.slack;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Answers Slack's invitation request (business key: its invite id) as the request's end decided it, behind an async
 * continuation with retries. The decision is read from Gatehouse's record, not from the instance: nothing Slack sent
 * decides it. Answered once: a retry after Slack took the answer sends nothing.
 */
@Component("answerSlackInviteRequest")
class AnswerSlackInviteRequestDelegate implements JavaDelegate {

    private final SlackInviteRequests requests;
    private final SlackWebApi slack;

    AnswerSlackInviteRequestDelegate(SlackInviteRequests requests, SlackWebApi slack) {
        this.requests = requests;
        this.slack = slack;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String inviteId = execution.getProcessBusinessKey();
        var request = requests.find(inviteId)
                .orElseThrow(() -> new IllegalStateException("There is no Slack invitation request " + inviteId));
        if (request.answeredAt() != null) {
            return;
        }
        if ("APPROVE".equals(request.decision())) {
            slack.bot("conversations.requestSharedInvite.approve", c -> c.conversationsRequestSharedInviteApprove(r -> r
                    .inviteId(inviteId).channelId(request.slackChannelId())));
        } else if ("DENY".equals(request.decision())) {
            slack.bot("conversations.requestSharedInvite.deny", c -> c.conversationsRequestSharedInviteDeny(r -> r
                    .inviteId(inviteId).message(request.reason())));
        } else {
            throw new IllegalStateException("Slack invitation request " + inviteId + " has no decision to send");
        }
        requests.answered(inviteId);
    }
}
