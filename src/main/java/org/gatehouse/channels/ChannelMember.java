package org.gatehouse.channels;

import java.time.LocalDateTime;

public record ChannelMember(String member, String organisationId, String addedBy, LocalDateTime addedAt) {
}
