package org.gatehouse.access;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.gatehouse.channels.Channel;
import org.gatehouse.channels.ChannelService;
import org.gatehouse.directory.Organisation;
import org.gatehouse.directory.OrganisationService;
import org.gatehouse.directory.RoleService;
import org.gatehouse.legal.Nda;
import org.gatehouse.legal.NdaRegister;
import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.InvalidInputException;
import org.gatehouse.platform.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * A9: every outside organisation Gatehouse shares with or was asked to, at a glance, for workspace admins and admins:
 * what is shared with it and where, its NDA and when it ends, its open requests, and figures for charts.
 */
@Service
public class SharingOverview {

    static final int MAX_WEEKS = 104;

    private final OrganisationService organisations;
    private final ChannelService channels;
    private final NdaRegister ndas;
    private final AccessRequestRepository requests;
    private final OffboardingService offboardings;
    private final OrganisationReconciliation reconciliation;
    private final RoleService roles;
    private final AccessProperties properties;
    private final Clock clock;

    SharingOverview(OrganisationService organisations, ChannelService channels, NdaRegister ndas,
            AccessRequestRepository requests, OffboardingService offboardings, OrganisationReconciliation reconciliation,
            RoleService roles, AccessProperties properties, Clock clock) {
        this.organisations = organisations;
        this.channels = channels;
        this.ndas = ndas;
        this.requests = requests;
        this.offboardings = offboardings;
        this.reconciliation = reconciliation;
        this.roles = roles;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The partners with a channel shared or a request ever made, by name; the figures of all requests; what the
     * nightly reconciliation last found connected on the platform without Gatehouse's approval.
     */
    public OrganisationSharing.Overview all(String viewer, int weeks) {
        requireAdmin(viewer);
        requireWeeks(weeks);
        Map<String, List<Channel>> shared = channels.sharedByPartner();
        Set<String> ids = new TreeSet<>(shared.keySet());
        ids.addAll(requests.partnerIds());
        List<OrganisationSharing> all = ids.stream().map(organisations::find).flatMap(Optional::stream)
                .filter(o -> o.kind() == Organisation.Kind.PARTNER)
                .map(o -> sharing(o, shared.getOrDefault(o.id(), List.of())))
                .sorted(Comparator.comparing(OrganisationSharing::name, String.CASE_INSENSITIVE_ORDER)).toList();
        return new OrganisationSharing.Overview(all, figures(null, weeks), reconciliation.latest().orElse(null));
    }

    public OrganisationSharing.Detail one(String partnerId, String viewer, int weeks) {
        requireAdmin(viewer);
        requireWeeks(weeks);
        Organisation partner = organisations.find(partnerId).filter(o -> o.kind() == Organisation.Kind.PARTNER)
                .orElseThrow(() -> new NotFoundException("There is no partner organisation " + partnerId));
        return new OrganisationSharing.Detail(sharing(partner, channels.sharedWith(partnerId)), figures(partnerId, weeks));
    }

    private OrganisationSharing sharing(Organisation partner, List<Channel> shared) {
        List<OrganisationSharing.SharedChannel> sharedChannels = shared.stream()
                .map(c -> new OrganisationSharing.SharedChannel(c.id(), c.name(), c.workspaceId(), c.sharedSince()))
                .toList();
        List<String> workspaces = List.copyOf(new TreeSet<>(shared.stream().map(Channel::workspaceId).toList()));
        List<OrganisationSharing.OpenRequest> open = requests.findOpen(partner.id(), AccessRequestStatus.PENDING).stream()
                .map(r -> new OrganisationSharing.OpenRequest(r.id(), r.status().name(), r.workspaceId(), r.channelName(),
                        r.projectName(), r.requester(), r.createdAt()))
                .toList();
        var offboarding = offboardings.latest(partner.id()).map(o -> new OrganisationSharing.OffboardingSummary(o.id(),
                o.status().name(), o.keepDirectMessages(), o.requestedBy(), o.requestedAt())).orElse(null);
        return new OrganisationSharing(partner.id(), partner.name(), shared.size(), workspaces, sharedChannels,
                ndas.latest(partner.id()).map(this::nda).orElse(null), open,
                organisations.partnershipEnd(partner.id()).orElse(null), offboarding);
    }

    private OrganisationSharing.NdaOnFile nda(Nda nda) {
        LocalDate today = LocalDate.now(clock);
        long daysLeft = ChronoUnit.DAYS.between(today, nda.expiresOn());
        boolean expired = nda.expiresOn().isBefore(today);
        boolean endsSoon = !expired && !nda.expiresOn().isAfter(today.plusDays(properties.ndaNotice().toDays()));
        return new OrganisationSharing.NdaOnFile(nda.documentRef(), nda.signedOn(), nda.expiresOn(), daysLeft, endsSoon,
                expired);
    }

    private List<SharingFigures.Week> figures(String partnerId, int weeks) {
        LocalDate today = LocalDate.now(clock);
        LocalDateTime from = SharingFigures.weekOf(today.atStartOfDay()).minusWeeks(weeks - 1L).atStartOfDay();
        return SharingFigures.weekly(requests.madeSince(from, partnerId), requests.connectedSince(from, partnerId), today,
                weeks);
    }

    private void requireAdmin(String viewer) {
        if (!roles.isWorkspaceAdmin(viewer)) {
            throw new ForbiddenException("Only workspace admins and admins see the outside organisations at a glance");
        }
    }

    private static void requireWeeks(int weeks) {
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw new InvalidInputException("weeks", "weeks must be between 1 and " + MAX_WEEKS);
        }
    }
}
