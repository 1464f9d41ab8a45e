package org.gatehouse.slack;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.connect.ConnectChannel;
import com.slack.api.model.connect.ConnectInviteDetail;
import com.slack.api.model.connect.ConnectUser;
import com.slack.api.model.event.ChannelSharedEvent;
import com.slack.api.model.event.ChannelUnsharedEvent;
import com.slack.api.model.event.SharedChannelInviteAcceptedEvent;
import com.slack.api.model.event.SharedChannelInviteApprovedEvent;
import com.slack.api.model.event.SharedChannelInviteDeclinedEvent;

import org.gatehouse.access.AccessRequestWorkflow;
import org.gatehouse.access.PartnerAcceptance;
import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.NotFoundException;
import org.gatehouse.slack.SlackChannels.SlackChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What Slack says about the Slack Connect invitations Gatehouse sent, handed to the request that sent each one: the
 * partner accepted ({@code shared_channel_invite_accepted}; without Slack's admin approval, a breach of policy) or
 * declined, the channel is connected ({@code shared_channel_invite_approved} by the host's team, or
 * {@code channel_shared} with the partner's team) or no longer shared ({@code channel_unshared}). An event counts only
 * for the invitation it names, in the channel that invitation went to, and for the partner's team that accepted it;
 * everything else in it is taken as Slack signed it and checked again by the request (who accepted, and how the
 * channel is named). An event that changes nothing (no request waits for it, or it names nothing Gatehouse sent) is
 * logged and answered 200 like any other: Slack would only send it again.
 */
@Component
class SlackConnectEvents {

    private static final Logger LOG = LoggerFactory.getLogger(SlackConnectEvents.class);
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,79}");

    private final SlackChannels channels;
    private final AccessRequestWorkflow requests;

    /** Registers on Bolt's app, whose handlers are all in place before Gatehouse takes its first request. */
    SlackConnectEvents(App app, SlackChannels channels, AccessRequestWorkflow requests) {
        this.channels = channels;
        this.requests = requests;
        app.event(SharedChannelInviteAcceptedEvent.class, (payload, context) -> handle(context,
                SharedChannelInviteAcceptedEvent.TYPE_NAME, () -> accepted(payload.getEvent())));
        app.event(SharedChannelInviteDeclinedEvent.class, (payload, context) -> handle(context,
                SharedChannelInviteDeclinedEvent.TYPE_NAME, () -> declined(payload.getEvent())));
        app.event(SharedChannelInviteApprovedEvent.class, (payload, context) -> handle(context,
                SharedChannelInviteApprovedEvent.TYPE_NAME, () -> approved(payload.getEvent(), context.getTeamId())));
        app.event(ChannelSharedEvent.class, (payload, context) -> handle(context, ChannelSharedEvent.TYPE_NAME,
                () -> shared(payload.getEvent())));
        app.event(ChannelUnsharedEvent.class, (payload, context) -> handle(context, ChannelUnsharedEvent.TYPE_NAME,
                () -> unshared(payload.getEvent())));
    }

    private void accepted(SharedChannelInviteAcceptedEvent event) {
        invitation(event.getInvite(), event.getChannel()).ifPresent(known -> {
            ConnectUser user = event.getAcceptingUser();
            if (user != null && user.getTeamId() != null) {
                channels.accepted(known.channelId(), user.getTeamId());
            }
            String email = user != null && user.getProfile() != null && user.getProfile().getEmail() != null
                    ? user.getProfile().getEmail() : event.getInvite().getRecipientEmail();
            String name = user == null ? null : user.getProfile() != null && user.getProfile().getRealName() != null
                    ? user.getProfile().getRealName() : user.getName();
            // A6, best effort: Slack names the channel as it stood when they accepted, which they may rename on their side
            String channelName = event.getChannel().getName();
            requests.partnerAcceptsOnPlatform(known.inviteId(), new PartnerAcceptance(name == null ? email : name, email,
                    channelName != null && CHANNEL_NAME.matcher(channelName).matches() ? channelName : null),
                    event.isApprovalRequired());
        });
    }

    private void declined(SharedChannelInviteDeclinedEvent event) {
        invitation(event.getInvite(), event.getChannel())
                .ifPresent(known -> requests.partnerDeclinesOnPlatform(known.inviteId()));
    }

    /** Approved by the host's own team, which is Gatehouse's approval going through; the partner's counts for nothing. */
    private void approved(SharedChannelInviteApprovedEvent event, String hostTeam) {
        if (!Objects.equals(event.getApprovingTeamId(), hostTeam)) {
            LOG.info("Slack reports invitation {} approved by team {}: Gatehouse waits for the host's approval",
                    event.getInvite() == null ? null : event.getInvite().getId(), event.getApprovingTeamId());
            return;
        }
        invitation(event.getInvite(), event.getChannel())
                .ifPresent(known -> requests.channelConfirmedOnPlatform(known.inviteId()));
    }

    private void shared(ChannelSharedEvent event) {
        withPartner(event.getChannel(), event.getConnectedTeamId())
                .ifPresent(known -> requests.channelConfirmedOnPlatform(known.inviteId()));
    }

    private void unshared(ChannelUnsharedEvent event) {
        withPartner(event.getChannel(), event.getPreviouslyConnectedTeamId())
                .ifPresent(known -> requests.channelUnsharedOnPlatform(known.inviteId()));
    }

    /** The channel Gatehouse sent the invitation to, if the event names both as Gatehouse recorded them. */
    private Optional<SlackChannel> invitation(ConnectInviteDetail invite, ConnectChannel channel) {
        if (invite == null || invite.getId() == null || channel == null) {
            LOG.warn("Slack sent an invitation event that names no invitation or channel");
            return Optional.empty();
        }
        Optional<SlackChannel> known = channels.findByInvitation(invite.getId())
                .filter(c -> c.slackChannelId().equals(channel.getId()));
        if (known.isEmpty()) {
            LOG.info("Slack's invitation {} to {} is none Gatehouse sent", invite.getId(), channel.getId());
        }
        return known;
    }

    /** The channel, with its invitation, if Slack names the partner's team that accepted it (when Gatehouse knows it). */
    private Optional<SlackChannel> withPartner(String slackChannelId, String teamId) {
        Optional<SlackChannel> known = channels.findBySlackId(slackChannelId).filter(c -> c.inviteId() != null)
                .filter(c -> c.partnerTeamId() == null || c.partnerTeamId().equals(teamId));
        if (known.isEmpty()) {
            LOG.info("Slack's news of {} with team {} concerns no invitation Gatehouse sent", slackChannelId, teamId);
        }
        return known;
    }

    private static Response handle(EventContext context, String type, Runnable work) {
        try {
            work.run();
        } catch (NotFoundException | ConflictException e) {
            LOG.info("Slack's {} changes nothing: {}", type, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Slack's {} (team {}) could not be handled", type, context.getTeamId(), e);
        }
        return context.ack();
    }
}
