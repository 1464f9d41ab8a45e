package org.gatehouse.slack;

import com.slack.api.model.connect.ConnectChannel;
import com.slack.api.model.event.SharedChannelInviteRequestedEvent;

/**
 * {@code shared_channel_invite_requested} as the Events API sends it: the channel is an object ({@code channel.id},
 * {@code channel.name}), where Slack's Java model has only the flat {@code channel_id} and {@code channel_name} of
 * a workflow trigger's payload. Either is read, the object first. Public, with a public constructor, because Bolt
 * makes one by reflection to learn its type.
 */
public class SlackInviteRequestedEvent extends SharedChannelInviteRequestedEvent {

    private ConnectChannel channel;

    public SlackInviteRequestedEvent() {
        super();
    }

    String slackChannelId() {
        return channel != null && channel.getId() != null ? channel.getId() : getChannelId();
    }

    String slackChannelName() {
        return channel != null && channel.getName() != null ? channel.getName() : getChannelName();
    }
}
