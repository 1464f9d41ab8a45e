package org.gatehouse.access;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.gatehouse.channels.ChannelService;
import org.gatehouse.channels.PlatformOrganisation;
import org.gatehouse.directory.Organisation;
import org.gatehouse.directory.OrganisationService;
import org.gatehouse.directory.PartnershipEnd;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A9, nightly: the outside organisations the chat platform connects the host with, against what Gatehouse approved.
 * An organisation is approved when it accepted a channel that a request Gatehouse connected shared with it; one
 * connected around Gatehouse (someone shared in Slack itself), or still connected after Gatehouse ended its
 * partnership with direct messages disabled, is a finding, kept with its run for the organisations' view.
 */
@Service
public class OrganisationReconciliation {

    private final ChannelService channels;
    private final AccessRequestRepository requests;
    private final OrganisationService organisations;
    private final ReconciliationRepository runs;
    private final Clock clock;

    OrganisationReconciliation(ChannelService channels, AccessRequestRepository requests,
            OrganisationService organisations, ReconciliationRepository runs, Clock clock) {
        this.channels = channels;
        this.requests = requests;
        this.organisations = organisations;
        this.runs = runs;
        this.clock = clock;
    }

    /**
     * One run: reads the platform (an outside call, so its step is async with retries: a refusal, such as a missing
     * scope, fails the step and ends in an incident saying what to change) and records what it found.
     */
    @Transactional
    public OrganisationSharing.Reconciliation reconcile(String runId, String processInstanceId) {
        List<PlatformOrganisation> connected = channels.connectedOnPlatform();
        List<OrganisationSharing.Unapproved> unapproved = connected.stream().map(this::unapproved)
                .flatMap(Optional::stream).toList();
        LocalDateTime now = LocalDateTime.now(clock);
        runs.insert(new ReconciliationRepository.Run(runId, now, connected.size(), unapproved.size()), processInstanceId,
                unapproved);
        return new OrganisationSharing.Reconciliation(now, connected.size(), unapproved);
    }

    /** The latest run's finds, for the organisations' view; empty before the first run. */
    public Optional<OrganisationSharing.Reconciliation> latest() {
        return runs.latest().map(run -> new OrganisationSharing.Reconciliation(run.finishedAt(), run.connected(),
                runs.findings(run.id())));
    }

    private Optional<OrganisationSharing.Unapproved> unapproved(PlatformOrganisation o) {
        List<String> approved = requests.partnersConnectedOn(o.acceptedChannels());
        if (approved.isEmpty()) {
            String namesake = organisations.findByName(o.name()).filter(p -> p.kind() == Organisation.Kind.PARTNER)
                    .map(Organisation::id).orElse(null);
            return Optional.of(new OrganisationSharing.Unapproved(o.platformId(), o.name(), o.channels(), namesake,
                    "Connected on the chat platform with " + o.channels() + " channel(s), but no request Gatehouse "
                            + "approved ever shared a channel with it" + (namesake == null ? ""
                            : "; the directory's partner of that name (" + namesake + ") was never connected there")));
        }
        for (String partnerId : approved) {
            Optional<PartnershipEnd> end = organisations.partnershipEnd(partnerId);
            if (end.isPresent() && !end.get().directMessagesKept() && channels.sharedWith(partnerId).isEmpty()) {
                return Optional.of(new OrganisationSharing.Unapproved(o.platformId(), o.name(), o.channels(), partnerId,
                        "Gatehouse ended the partnership on " + end.get().at().toLocalDate() + " with direct messages "
                                + "disabled, yet the chat platform connects it again"));
            }
        }
        return Optional.empty();
    }
}
