package org.gatehouse.access;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** What the partner sees behind the link: enough to decide, nothing internal. */
public record InvitationView(String hostOrganisation, String partnerOrganisation, String requester, String projectName,
        String channelName, LocalDate endDate, String purpose, LocalDateTime expiresAt, List<String> neverPost) {
}
