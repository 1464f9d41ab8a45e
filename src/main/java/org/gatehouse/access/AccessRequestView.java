package org.gatehouse.access;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A request as the API shows it. {@code inviteUrl} is given to the requester alone, while the partner's link is open
 * and no channel delivers it to the partner; {@code neverPost} are the rules of A4.
 */
public record AccessRequestView(
        String id,
        String status,
        String statusReason,
        String requester,
        String workspace,
        String channelName,
        String channelId,
        String partnerOrganisation,
        String partnerContactName,
        String partnerContactEmail,
        String projectName,
        LocalDate endDate,
        String purpose,
        String hostApprover,
        String partnerApprover,
        String partnerChannelName,
        String inviteUrl,
        List<String> neverPost,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        List<AccessRequestEvent> timeline) {
}
