package org.gatehouse.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import com.slack.api.bolt.App;

import org.gatehouse.access.AccessRequestHostApproved;
import org.gatehouse.access.AccessRequestStatus;
import org.gatehouse.access.AccessRequestStatusChanged;
import org.gatehouse.platform.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slack's own invitation requests (Enterprise Grid, with admins' approval of external invitations required): a member
 * who invites someone from outside through Slack's menu makes Slack send {@code shared_channel_invite_requested} and
 * wait. Gatehouse keeps the invitation request, starts its {@code slack-invite-answer} process and sends the member a
 * button that opens the access request's modal prefilled. Slack's pending invitation is then that request's
 * invitation (no second one goes out: {@link SlackConnect#invite}); once the request passed the NDA check and the host
 * admin approved it, Slack is told to send it ({@code conversations.requestSharedInvite.approve}), and what follows
 * (the partner's acceptance, Gatehouse's approval, Slack's confirmation) goes as for Gatehouse's own invitations. A
 * request that ends before that is denied with the reason, and so is an invitation request nobody files a request
 * for in the time the process gives. Each answer is decided in the transaction of the change that decides it and sent
 * by the process; an approval not yet sent when the request ends becomes a denial.
 */
@Component
class SlackInviteRequests {

    private static final Logger LOG = LoggerFactory.getLogger(SlackInviteRequests.class);

    /** One invitation request, as Slack sent it. */
    record InviteRequest(String inviteId, String slackUserId, String teamId, String slackChannelId, String channelName,
            String invitedEmail, String requestId, String decision, String reason, LocalDateTime answeredAt) {
    }

    /** Slack's limit on a denial's message ({@code conversations.requestSharedInvite.deny}). */
    static final int MESSAGE_LENGTH = 560;
    private static final String UNFILED = "no access request was filed for it in time. Invite again from Slack's "
            + "menu, and complete the request Gatehouse sends you.";

    private final JdbcClient jdbc;
    private final SlackWebApi slack;
    private final SlackInviteAnswers answers;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SlackInviteRequests(JdbcClient jdbc, SlackWebApi slack, SlackInviteAnswers answers,
            PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.slack = slack;
        this.answers = answers;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    void register(App app) {
        app.event(SlackInviteRequestedEvent.class, (payload, context) -> {
            SlackInviteRequestedEvent event = payload.getEvent();
            String member = event.getActor() == null ? null : event.getActor().getId();
            if (member == null || event.getTargetUsers() == null || event.slackChannelId() == null) {
                LOG.warn("An invitation request from Slack names no member, no channel or nobody invited: ignored");
                return context.ack();
            }
            for (var invited : event.getTargetUsers()) {
                try {
                    if (record(invited.getInviteId(), member, context.getTeamId(), event.slackChannelId(),
                            event.slackChannelName(), invited.getEmail())) {
                        app.executorService().submit(() -> offerModal(member, invited.getInviteId(),
                                event.slackChannelName(), invited.getEmail()));
                    }
                } catch (RuntimeException e) {
                    LOG.error("Slack's invitation request {} could not be kept", invited.getInviteId(), e);
                }
            }
            return context.ack();
        });
    }

    /** Keeps the invitation request and starts its process, together; false when Slack sent it before. */
    private boolean record(String inviteId, String member, String teamId, String channelId, String channelName,
            String email) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                jdbc.sql("insert into slack_invite_request (invite_id, slack_user_id, team_id, slack_channel_id, "
                        + "channel_name, invited_email, received_at) values (?, ?, ?, ?, ?, ?, ?)")
                        .params(inviteId, member, teamId, channelId, channelName, email, LocalDateTime.now(clock))
                        .update();
                answers.start(inviteId);
                return true;
            }));
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The member's direct message: what Gatehouse needs, and the button that opens the modal for this invitation. */
    private void offerModal(String member, String inviteId, String channelName, String email) {
        String text = "You invited " + email + " to #" + channelName + ". Before Slack sends the invitation, Gatehouse "
                + "needs the whole request: the partner's organisation, the project, how long and why. Legal checks the "
                + "NDA and an admin approves; then Slack sends it. Without the request, Gatehouse denies the invitation "
                + "after a while.";
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
     * The invitation request pending in Slack for the access request that invites {@code email} to the Slack channel
     * {@code slackChannelId}: filed for it and not yet answered. Its invitation is the request's, sent when Gatehouse
     * approves it.
     */
    Optional<String> pendingFor(String slackChannelId, String email) {
        return jdbc.sql("select invite_id from slack_invite_request where slack_channel_id = ? "
                + "and lower(invited_email) = lower(?) and request_id is not null and decision is null")
                .params(slackChannelId, email).query(String.class).optional();
    }

    /**
     * Whether Slack's invitation {@code inviteId} went out: one Gatehouse sent itself, or an invitation request Slack
     * was told to approve. One still pending is no invitation to decline: its process denies it.
     */
    boolean released(String inviteId) {
        return find(inviteId).map(r -> "APPROVE".equals(r.decision()) && r.answeredAt() != null).orElse(true);
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

    /** Ties the invitation request to the request filed for it, which stops its clock; refused once it is answered. */
    void link(String inviteId, String requestId) {
        if (jdbc.sql("update slack_invite_request set request_id = ? where invite_id = ? and request_id is null "
                + "and decision is null").params(requestId, inviteId).update() != 1) {
            throw new ConflictException("channelName", "The request for this invitation is filed already, or Slack's "
                    + "invitation request is answered: invite again from Slack's menu");
        }
        answers.filed(inviteId);
    }

    /**
     * The host admin approved the request filed for an invitation request, which passed the NDA check before: Slack
     * is told to send its invitation, in the transaction of the approval.
     */
    @EventListener
    void hostApproved(AccessRequestHostApproved approval) {
        jdbc.sql("select invite_id from slack_invite_request where request_id = ? and decision is null")
                .param(approval.requestId()).query(String.class).optional().ifPresent(inviteId -> {
                    jdbc.sql("update slack_invite_request set decision = 'APPROVE' where invite_id = ?")
                            .param(inviteId).update();
                    answers.decided(inviteId);
                });
    }

    /**
     * A request that ends before Slack was told to send its invitation denies it, with the reason, in the transaction
     * of the status change; an approval decided and not yet sent becomes that denial. After Slack sent it, the
     * invitation is the request's like any other, and its end declines it ({@link SlackConnect#decline}).
     */
    @EventListener
    void statusChanged(AccessRequestStatusChanged change) {
        if (!EnumSet.of(AccessRequestStatus.REJECTED, AccessRequestStatus.EXPIRED, AccessRequestStatus.WITHDRAWN)
                .contains(change.status())) {
            return;
        }
        jdbc.sql("select invite_id, decision from slack_invite_request where request_id = ? and answered_at is null")
                .param(change.requestId()).query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional().filter(open -> !"DENY".equals(open[1])).ifPresent(open -> {
                    jdbc.sql("update slack_invite_request set decision = 'DENY', reason = ? where invite_id = ?")
                            .params(clip("Gatehouse did not approve this invitation: the request " + change.requestId()
                                    + " was " + change.status().name().toLowerCase()
                                    + (change.reason() == null ? "" : " (" + change.reason() + ")")), open[0])
                            .update();
                    if (open[1] == null) {
                        answers.decided(open[0]);
                    }
                });
    }

    /**
     * Nobody filed a request for the invitation request in the time its process gives: denied, with the reason.
     * Refused when it was filed meanwhile.
     */
    void denyUnfiled(String inviteId) {
        if (jdbc.sql("update slack_invite_request set decision = 'DENY', reason = ? where invite_id = ? "
                + "and request_id is null and decision is null").params(clip(UNFILED), inviteId).update() != 1) {
            throw new IllegalStateException("Slack's invitation request " + inviteId + " has a request filed for it "
                    + "or an answer already");
        }
    }

    /** The member hears, in a direct message, that their invitation was denied for want of a request. Once. */
    void tellUnfiled(String inviteId) {
        InviteRequest request = find(inviteId).filter(r -> "DENY".equals(r.decision()) && r.requestId() == null)
                .orElseThrow(() -> new IllegalStateException("Slack's invitation request " + inviteId
                        + " was not denied for want of a request"));
        if (told(inviteId)) {
            return;
        }
        slack.post(slack.directMessageWith(request.slackUserId()), null, "Your invitation of " + request.invitedEmail()
                + " to #" + request.channelName() + " is denied: " + UNFILED);
        jdbc.sql("update slack_invite_request set member_told_at = ? where invite_id = ?")
                .params(LocalDateTime.now(clock), inviteId).update();
    }

    private boolean told(String inviteId) {
        return jdbc.sql("select count(*) from slack_invite_request where invite_id = ? and member_told_at is not null")
                .param(inviteId).query(Integer.class).single() > 0;
    }

    private static String clip(String message) {
        return message.length() <= MESSAGE_LENGTH ? message : message.substring(0, MESSAGE_LENGTH - 1) + "…";
    }

    /** Marks the answer taken by Slack; false when it was, already. */
    boolean answered(String inviteId) {
        return jdbc.sql("update slack_invite_request set answered_at = ? where invite_id = ? and answered_at is null")
                .params(LocalDateTime.now(clock), inviteId).update() == 1;
    }
}
