package org.gatehouse.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import com.slack.api.bolt.App;
import com.slack.api.model.event.SharedChannelInviteRequestedEvent;

import org.gatehouse.access.AccessRequestStatus;
import org.gatehouse.access.AccessRequestStatusChanged;
import org.gatehouse.platform.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slack's own invitation requests (Enterprise Grid, with admins' approval of external invitations required): a member
 * who invites someone from outside through Slack's menu makes Slack send {@code shared_channel_invite_requested} and
 * wait. Gatehouse keeps the invitation request, sends the member a button that opens the access request's modal
 * prefilled, and, once the request they file ends, answers Slack: approved when the request is CONNECTED (the NDA
 * check and both approvals passed), denied with the reason when it is rejected, expired or withdrawn. The answer is
 * decided in the transaction of the request's status change and sent by the {@code slack-invite-answer} process.
 */
@Component
class SlackInviteRequests {

    private static final Logger LOG = LoggerFactory.getLogger(SlackInviteRequests.class);

    /** One invitation request, as Slack sent it. */
    record InviteRequest(String inviteId, String slackUserId, String teamId, String slackChannelId, String channelName,
            String invitedEmail, String requestId, String decision, String reason, LocalDateTime answeredAt) {
    }

    private final JdbcClient jdbc;
    private final SlackWebApi slack;
    private final SlackInviteAnswers answers;
    private final Clock clock;

    SlackInviteRequests(JdbcClient jdbc, SlackWebApi slack, SlackInviteAnswers answers, Clock clock) {
        this.jdbc = jdbc;
        this.slack = slack;
        this.answers = answers;
        this.clock = clock;
    }

    void register(App app) {
        app.event(SharedChannelInviteRequestedEvent.class, (payload, context) -> {
            SharedChannelInviteRequestedEvent event = payload.getEvent();
            String member = event.getActor() == null ? null : event.getActor().getId();
            if (member == null || event.getTargetUsers() == null) {
                LOG.warn("An invitation request from Slack names no member or nobody invited: ignored");
                return context.ack();
            }
            for (var invited : event.getTargetUsers()) {
                if (record(invited.getInviteId(), member, context.getTeamId(), event.getChannelId(),
                        event.getChannelName(), invited.getEmail())) {
                    app.executorService().submit(() -> offerModal(member, invited.getInviteId(),
                            event.getChannelName(), invited.getEmail()));
                }
            }
            return context.ack();
        });
    }

    /** Keeps the invitation request; false when Slack sent it before. */
    private boolean record(String inviteId, String member, String teamId, String channelId, String channelName,
            String email) {
        try {
            jdbc.sql("insert into slack_invite_request (invite_id, slack_user_id, team_id, slack_channel_id, "
                    + "channel_name, invited_email, received_at) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(inviteId, member, teamId, channelId, channelName, email, LocalDateTime.now(clock)).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The member's direct message: what Gatehouse needs, and the button that opens the modal for this invitation. */
    private void offerModal(String member, String inviteId, String channelName, String email) {
        String text = "You invited " + email + " to #" + channelName + ". Before Slack sends the invitation, Gatehouse "
                + "needs the whole request: the partner's organisation, the project, how long and why. Legal checks the "
                + "NDA and the admins approve; then Slack sends it.";
        try {
            slack.bot("chat.postMessage", c -> c.chatPostMessage(r -> r.channel(slack.directMessageWith(member)).text(text)
                    .blocks(asBlocks(section(s -> s.text(plainText(text))), actions(a -> a.elements(
                            List.of(button(b -> b.actionId(SlackRequestModal.OPEN_BUTTON).value(inviteId)
                                    .style("primary").text(plainText("Complete the request"))))))))));
        } catch (RuntimeException e) {
            LOG.warn("Slack user {} could not be sent the form for invitation request {}: {}", member, inviteId,
                    e.getMessage());
        }
    }

    Optional<InviteRequest> find(String inviteId) {
        return jdbc.sql("select * from slack_invite_request where invite_id = ?").param(inviteId)
                .query((rs, row) -> new InviteRequest(rs.getString("invite_id"), rs.getString("slack_user_id"),
                        rs.getString("team_id"), rs.getString("slack_channel_id"), rs.getString("channel_name"),
                        rs.getString("invited_email"), rs.getString("request_id"), rs.getString("decision"),
                        rs.getString("reason"), rs.getObject("answered_at", LocalDateTime.class)))
                .optional();
    }

    /**
     * Only the member Slack named files the request for an invitation request, only once, and for the invitation Slack
     * holds: Slack's approval invites that e-mail to that channel, so the request approved must name them.
     */
    void requireOpen(String inviteId, String slackUserId, String channelName, String contactEmail) {
        InviteRequest request = find(inviteId).filter(r -> r.slackUserId().equals(slackUserId))
                .orElseThrow(() -> new ConflictException("channelName", "This form belongs to an invitation request that is "
                        + "not yours"));
        if (request.requestId() != null) {
            throw new ConflictException("channelName", "The request for this invitation is filed already: "
                    + request.requestId());
        }
        if (request.channelName() != null && !request.channelName().equals(channelName)) {
            throw new ConflictException("channelName", "Slack's invitation is to #" + request.channelName()
                    + ": the request is for that channel");
        }
        if (request.invitedEmail() != null && !request.invitedEmail().equalsIgnoreCase(contactEmail)) {
            throw new ConflictException("partnerContactEmail", "Slack's invitation is for " + request.invitedEmail()
                    + ": the request is for that contact");
        }
    }

    void link(String inviteId, String requestId) {
        if (jdbc.sql("update slack_invite_request set request_id = ? where invite_id = ? and request_id is null")
                .params(requestId, inviteId).update() != 1) {
            throw new ConflictException("channelName", "The request for this invitation is filed already");
        }
    }

    /**
     * The request's end decides Slack's answer, in the transaction of the status change: the answer is sent exactly
     * when the change is kept, by its own process (an async continuation with retries).
     */
    @EventListener
    void statusChanged(AccessRequestStatusChanged change) {
        String decision = switch (change.status()) {
            case CONNECTED -> "APPROVE";
            case REJECTED, EXPIRED, WITHDRAWN -> "DENY";
            default -> null;
        };
        if (decision == null) {
            return;
        }
        String reason = change.status() == AccessRequestStatus.CONNECTED ? null : denial(change);
        jdbc.sql("select invite_id from slack_invite_request where request_id = ? and decision is null")
                .param(change.requestId()).query(String.class).optional().ifPresent(inviteId -> {
                    jdbc.sql("update slack_invite_request set decision = ?, reason = ? where invite_id = ?")
                            .params(decision, reason, inviteId).update();
                    answers.start(inviteId);
                });
    }

    private static String denial(AccessRequestStatusChanged change) {
        String reason = "Gatehouse did not approve this invitation: the request " + change.requestId() + " was "
                + change.status().name().toLowerCase() + (change.reason() == null ? "" : " (" + change.reason() + ")");
        return reason.length() > 2000 ? reason.substring(0, 1999) + "…" : reason;
    }

    /** Marks the answer taken by Slack; false when it was, already. */
    boolean answered(String inviteId) {
        return jdbc.sql("update slack_invite_request set answered_at = ? where invite_id = ? and answered_at is null")
                .params(LocalDateTime.now(clock), inviteId).update() == 1;
    }
}
