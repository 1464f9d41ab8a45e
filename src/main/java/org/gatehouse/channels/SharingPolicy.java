package org.gatehouse.channels;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A1: who may share channels with outside organisations, and who may create, modify, disconnect and archive shared
 * channels. Admins always may. {@code changedBy} and {@code changedAt} name the last change to either; each change
 * is kept as a version of one kind or both (platform's {@code ConfigurationVersions}).
 */
public record SharingPolicy(Mode shareMode, List<String> allowedGroups, Map<ChannelAction, Rule> channelRules,
        String changedBy, LocalDateTime changedAt) {

    /** Versions of who may share: {@code {"shareMode", "allowedGroups"}}. */
    public static final String VERSION_KIND = "sharing-policy";

    /** Versions of the channel rules: each action to its {@code {"mode", "allowedGroups"}}. */
    public static final String CHANNEL_RULES_VERSION_KIND = "channel-rules";

    public enum Mode { ADMINS_ONLY, GROUPS, EVERYONE }

    public enum ChannelAction { CREATE, MODIFY, DISCONNECT, ARCHIVE }

    public record Rule(Mode mode, List<String> allowedGroups) {
    }
}
