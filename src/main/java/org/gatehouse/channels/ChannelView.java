package org.gatehouse.channels;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A channel as members see it: while shared, the partner organisation's name is always shown (A11), with the name
 * each side gave the channel (A6) and the pinned house rules (A8).
 */
public record ChannelView(String id, String workspace, String name, boolean shared, String partnerOrganisation,
        String partnerChannelName, LocalDateTime sharedSince, String pinnedNote, LocalDateTime archivedAt,
        List<ChannelMember> members) {
}
