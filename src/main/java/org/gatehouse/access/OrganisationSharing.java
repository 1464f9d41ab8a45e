package org.gatehouse.access;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.gatehouse.directory.PartnershipEnd;

/**
 * One outside organisation as admins see it at a glance (A9): the channels shared with it and their workspaces, its
 * NDA, its open requests, and how its partnership ended or is ending.
 */
public record OrganisationSharing(
        String id,
        String name,
        int sharedChannels,
        List<String> workspaces,
        List<SharedChannel> channels,
        NdaOnFile nda,
        List<OpenRequest> openRequests,
        PartnershipEnd partnershipEnded,
        OffboardingSummary offboarding) {

    public record SharedChannel(String id, String name, String workspace, LocalDateTime sharedSince) {
    }

    /** The NDA that runs longest; {@code endsSoon} within the notice ({@code gatehouse.access.nda-notice}). */
    public record NdaOnFile(String documentRef, LocalDate signedOn, LocalDate expiresOn, long daysLeft, boolean endsSoon,
            boolean expired) {
    }

    /** A request not decided yet: the NDA or the approvals still to come. */
    public record OpenRequest(String id, String status, String workspace, String channelName, String projectName,
            String requester, LocalDateTime createdAt) {
    }

    /** The organisation's latest offboarding ({@code GET /api/partners/{id}/offboardings/{offboardingId}}). */
    public record OffboardingSummary(String id, String status, boolean keepDirectMessages, String requestedBy,
            LocalDateTime requestedAt) {
    }

    /** The list's answer: every organisation, and the figures of all of them for the charts. */
    public record Overview(List<OrganisationSharing> organisations, List<SharingFigures.Week> weeks) {
    }

    /** One organisation's answer, with its own figures. */
    public record Detail(OrganisationSharing organisation, List<SharingFigures.Week> weeks) {
    }
}
