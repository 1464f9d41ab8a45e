package org.gatehouse.channels;

import java.time.LocalDateTime;

/** A channel of one of the host's workspaces; {@code partnerId} is set while it is shared with an outside organisation. */
public record Channel(String id, String workspaceId, String name, String partnerId, String partnerChannelName,
        LocalDateTime sharedSince, String pinnedNote, LocalDateTime archivedAt) {

    public boolean shared() {
        return partnerId != null;
    }

    public boolean archived() {
        return archivedAt != null;
    }
}
