package org.gatehouse.slack;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which Slack channel each of Gatehouse's channels is, and what was done there that a retry must not do again. Like
 * Slack itself, it stands outside the caller's transaction: what Slack did stays recorded when the step that asked
 * for it fails afterwards and rolls back.
 */
@Repository
class SlackChannels {

    /**
     * @param noteTs        the house-rules note posted in the channel, and {@code noteDigest} the note it was
     * @param inviteId      the Slack Connect invitation sent, to {@code invitedEmail}
     * @param created       Gatehouse created the Slack channel, rather than found it there
     * @param partnerTeamId the Slack team that accepted the invitation
     */
    record SlackChannel(String channelId, String slackChannelId, String noteTs, String noteDigest, String inviteId,
            String invitedEmail, boolean created, String partnerTeamId) {
    }

    private static final String COLUMNS = "channel_id, slack_channel_id, note_ts, note_digest, invite_id, invited_email, "
            + "created, partner_team_id";

    private final JdbcClient jdbc;
    private final TransactionTemplate outside;
    private final Clock clock;

    SlackChannels(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.outside = new TransactionTemplate(transactions);
        this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    Optional<SlackChannel> find(String channelId) {
        return jdbc.sql("select " + COLUMNS + " from slack_channel where channel_id = ?").param(channelId)
                .query(SlackChannel.class).optional();
    }

    /** The channel the Slack Connect invitation {@code inviteId} went out for. */
    Optional<SlackChannel> findByInvitation(String inviteId) {
        return jdbc.sql("select " + COLUMNS + " from slack_channel where invite_id = ?").param(inviteId)
                .query(SlackChannel.class).optional();
    }

    /** The channel that is {@code slackChannelId} in Slack, with the latest invitation to it. */
    Optional<SlackChannel> findBySlackId(String slackChannelId) {
        return jdbc.sql("select " + COLUMNS + " from slack_channel where slack_channel_id = ? "
                + "order by recorded_at desc, channel_id fetch first 1 rows only").param(slackChannelId)
                .query(SlackChannel.class).optional();
    }

    /** {@code created}: Gatehouse created it in Slack (conversations.create), rather than found it there. */
    void record(String channelId, String slackChannelId, boolean created) {
        outside.executeWithoutResult(s -> {
            if (jdbc.sql("update slack_channel set slack_channel_id = ?, recorded_at = ? where channel_id = ?")
                    .params(slackChannelId, now(), channelId).update() == 0) {
                jdbc.sql("insert into slack_channel (channel_id, slack_channel_id, created, recorded_at) "
                        + "values (?, ?, ?, ?)").params(channelId, slackChannelId, created, now()).update();
            }
        });
    }

    /** The channel is shared with {@code partnerId}'s organisation: kept for when the partnership ends. */
    void sharedWith(String channelId, String partnerId) {
        outside.executeWithoutResult(s -> jdbc.sql("update slack_channel set partner_id = ? where channel_id = ? "
                + "and (partner_id is null or partner_id <> ?)").params(partnerId, channelId, partnerId).update());
    }

    /** The Slack teams of an outside organisation: those that accepted a channel Gatehouse shared with it. */
    List<String> partnerTeams(String partnerId) {
        return jdbc.sql("select distinct partner_team_id from slack_channel where partner_id = ? and partner_team_id "
                + "is not null order by partner_team_id").param(partnerId).query(String.class).list();
    }

    /** The channels whose Slack Connect invitation the Slack team {@code teamId} accepted. */
    List<String> acceptedBy(String teamId) {
        return jdbc.sql("select channel_id from slack_channel where partner_team_id = ? order by channel_id")
                .param(teamId).query(String.class).list();
    }

    /** The partner's Slack team accepted the channel's invitation. */
    void accepted(String channelId, String partnerTeamId) {
        outside.executeWithoutResult(s -> jdbc.sql("update slack_channel set partner_team_id = ?, recorded_at = ? "
                + "where channel_id = ?").params(partnerTeamId, now(), channelId).update());
    }

    void notePosted(String channelId, String ts, String digest) {
        outside.executeWithoutResult(s -> jdbc.sql("update slack_channel set note_ts = ?, note_digest = ?, recorded_at = ? "
                + "where channel_id = ?").params(ts, digest, now(), channelId).update());
    }

    void invited(String channelId, String inviteId, String email) {
        outside.executeWithoutResult(s -> jdbc.sql("update slack_channel set invite_id = ?, invited_email = ?, "
                + "recorded_at = ? where channel_id = ?").params(inviteId, email, now(), channelId).update());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
