package org.gatehouse.slack;

import java.time.Clock;
import java.time.LocalDateTime;
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
     * @param noteTs     the house-rules note posted in the channel, and {@code noteDigest} the note it was
     * @param inviteId   the Slack Connect invitation sent, to {@code invitedEmail}
     */
    record SlackChannel(String channelId, String slackChannelId, String noteTs, String noteDigest, String inviteId,
            String invitedEmail) {
    }

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
        return jdbc.sql("select channel_id, slack_channel_id, note_ts, note_digest, invite_id, invited_email "
                + "from slack_channel where channel_id = ?").param(channelId).query(SlackChannel.class).optional();
    }

    void record(String channelId, String slackChannelId) {
        outside.executeWithoutResult(s -> {
            if (jdbc.sql("update slack_channel set slack_channel_id = ?, recorded_at = ? where channel_id = ?")
                    .params(slackChannelId, now(), channelId).update() == 0) {
                jdbc.sql("insert into slack_channel (channel_id, slack_channel_id, recorded_at) values (?, ?, ?)")
                        .params(channelId, slackChannelId, now()).update();
            }
        });
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
