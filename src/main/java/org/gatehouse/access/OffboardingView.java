package org.gatehouse.access;

import java.time.LocalDateTime;
import java.util.List;

/** An offboarding as the API shows it: its status, who asked and who confirmed, the choice, each channel's state. */
public record OffboardingView(
        String id,
        String partnerId,
        String partnerName,
        String status,
        boolean keepDirectMessages,
        String reason,
        String requestedBy,
        LocalDateTime requestedAt,
        String confirmedBy,
        Boolean confirmed,
        String comment,
        LocalDateTime confirmedAt,
        LocalDateTime connectionEndedAt,
        LocalDateTime requestsEndedAt,
        LocalDateTime doneAt,
        LocalDateTime confirmBy,
        String cancelledBy,
        LocalDateTime cancelledAt,
        List<OffboardingChannel> channels,
        List<AccessRequestEvent> timeline) {
}
