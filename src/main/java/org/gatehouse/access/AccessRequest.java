package org.gatehouse.access;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A member's request to share a channel with an outside organisation (A2). Its id is its process's business key. */
public record AccessRequest(
        String id,
        String requester,
        String workspaceId,
        String channelName,
        String channelId,
        String partnerId,
        String partnerContactName,
        String partnerContactEmail,
        String projectName,
        LocalDate endDate,
        String purpose,
        AccessRequestStatus status,
        String statusReason,
        String hostApprover,
        String partnerApproverName,
        String partnerApproverEmail,
        String partnerChannelName,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {
}
