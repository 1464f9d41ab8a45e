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

    /**
     * The nightly reconciliation's latest run (null before the first): how many organisations the chat platform
     * connects the host with, and those Gatehouse never approved.
     */
    public record Reconciliation(LocalDateTime checkedAt, int connectedOnPlatform, List<Unapproved> unapproved) {
    }

    /**
     * An organisation the platform connects that Gatehouse never approved: {@code partnerId} is the directory's
     * partner it is (by its name, or by the channels it once had), if any; {@code finding} says what is wrong.
     */
    public record Unapproved(String platformId, String name, int channels, String partnerId, String finding) {
    }

    /** The list's answer: every organisation, the figures of all of them for the charts, the reconciliation's finds. */
    public record Overview(List<OrganisationSharing> organisations, List<SharingFigures.Week> weeks,
            Reconciliation reconciliation) {
    }

    /** One organisation's answer, with its own figures. */
    public record Detail(OrganisationSharing organisation, List<SharingFigures.Week> weeks) {
    }
}
