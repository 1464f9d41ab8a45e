package org.gatehouse.slack;

import java.util.List;
import java.util.Set;

import org.gatehouse.slack.SlackChannels.SlackChannel;
import org.springframework.stereotype.Component;

/**
 * Slack Connect on the host's side (A5): the invitation to the partner's contact ({@code conversations.inviteShared}),
 * Gatehouse's approval of it once both organisations' admins approved ({@code conversations.approveSharedInvite}),
 * its decline when the request comes to nothing ({@code conversations.declineSharedInvite}). Each call is safe to
 * repeat, as the steps behind them need: the invitation is recorded when sent and not sent again, and Slack's answers
 * that an approval or a decline is done already count as done.
 */
@Component
class SlackConnect {

    /**
     * Slack's answers to approving an invitation approved before, as a retry after Slack approved it gets them. The
     * request is connected only on Slack's confirmation all the same.
     */
    private static final Set<String> APPROVED_ALREADY = Set.of("already_approved", "invalid_action");

    /** Slack's answers to declining an invitation that nobody can accept or approve any more. */
    private static final Set<String> NOTHING_TO_DECLINE = Set.of("already_declined", "invalid_action", "invite_not_found",
            "approval_not_found", "approval_inactive");

    private final SlackWebApi web;
    private final SlackChannels channels;
    private final SlackInviteRequests inviteRequests;
    private final SlackProperties settings;

    SlackConnect(SlackWebApi web, SlackChannels channels, SlackInviteRequests inviteRequests, SlackProperties settings) {
        this.web = web;
        this.channels = channels;
        this.inviteRequests = inviteRequests;
        this.settings = settings;
    }

    /**
     * The invitation of {@code email} to the channel, sent once: a repeat answers the recorded one. Where a member
     * asked Slack for that very invitation from Slack's menu, and filed the request for it, Slack's pending
     * invitation request is the invitation: Slack sends it once Gatehouse approves it ({@link SlackInviteRequests}),
     * and nothing is sent now.
     */
    String invite(String channelId, String slackChannelId, String email) {
        SlackChannel known = channels.find(channelId).orElseThrow();
        if (known.inviteId() != null && email.equalsIgnoreCase(known.invitedEmail())) {
            return known.inviteId();
        }
        String inviteId = inviteRequests.pendingFor(slackChannelId, email).orElseGet(() -> web.bot(
                "conversations.inviteShared", c -> c.conversationsInviteShared(r -> r.channel(slackChannelId)
                        .emails(List.of(email)))).getInviteId());
        channels.invited(channelId, inviteId, email);
        return inviteId;
    }

    /** Approves the channel's invitation for the host, naming the partner's team that accepted it. */
    void approve(String channelId) {
        SlackChannel invited = channels.find(channelId).filter(c -> c.inviteId() != null).orElseThrow(() ->
                new IllegalStateException("Channel " + channelId + " has no Slack Connect invitation to approve: a "
                        + "request invited before Gatehouse used Slack is connected in Slack by hand"));
        try {
            web.bot("conversations.approveSharedInvite", c -> c.conversationsApproveSharedInvite(r -> r
                    .inviteId(invited.inviteId()).targetTeam(invited.partnerTeamId())));
        } catch (SlackRefusedException e) {
            if (!APPROVED_ALREADY.contains(e.error())) {
                throw e;
            }
        }
    }

    /**
     * Declines the channel's invitation, if one went out and anyone could still accept or approve it. An invitation
     * request Slack still holds did not go out: its own process denies it.
     */
    void decline(String channelId) {
        SlackChannel invited = channels.find(channelId).filter(c -> c.inviteId() != null).orElse(null);
        if (invited == null || !inviteRequests.released(invited.inviteId())) {
            return;
        }
        try {
            web.bot("conversations.declineSharedInvite", c -> c.conversationsDeclineSharedInvite(r -> r
                    .inviteId(invited.inviteId()).targetTeam(invited.partnerTeamId())));
        } catch (SlackRefusedException e) {
            if (!NOTHING_TO_DECLINE.contains(e.error())) {
                throw e;
            }
        }
    }

    /** Whether Gatehouse disconnects shared channels itself (README, "Slack Connect"). */
    boolean enterpriseGrid() {
        return settings.enterpriseGrid();
    }
}
