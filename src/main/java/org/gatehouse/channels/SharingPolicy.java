package org.gatehouse.channels;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A1: who may share channels with outside organisations, and who may create, modify, disconnect and archive shared
 * channels. Admins always may.
 */
public record SharingPolicy(Mode shareMode, List<String> allowedGroups, Map<ChannelAction, Rule> channelRules,
        String changedBy, LocalDateTime changedAt) {

    public enum Mode { ADMINS_ONLY, GROUPS, EVERYONE }

    public enum ChannelAction { CREATE, MODIFY, DISCONNECT, ARCHIVE }

    public record Rule(Mode mode, List<String> allowedGroups) {
    }
}
