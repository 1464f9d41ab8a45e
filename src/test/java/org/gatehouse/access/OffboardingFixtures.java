package org.gatehouse.access;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gatehouse.channels.ChannelService;
import org.gatehouse.channels.SharingApprovals;
import org.gatehouse.directory.OrganisationService;
import org.gatehouse.legal.NdaRegister;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A partner of its own for each test that ends a partnership (the demo's partners are shared by the whole run): an NDA
 * on file, channels connected with it, and requests still pending.
 */
@Component
public class OffboardingFixtures {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Autowired AccessRequestFixtures access;
    @Autowired AccessRequestService requests;
    @Autowired OrganisationService organisations;
    @Autowired NdaRegister ndas;
    @Autowired ChannelService channels;
    @Autowired Clock clock;

    /**
     * A new partner with {@code count} channels shared with it directly, as a connected request would leave them, but
     * without any request's process: for the offboarding's own process test, which must cover what it starts.
     */
    public Partnership sharedChannels(int count) {
        String name = access.newPartner();
        String partnerId = organisations.partnerNamed(name).id();
        List<String> shared = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            shared.add(channels.connect("acme-main", "offboard-" + COUNTER.incrementAndGet(), partnerId, null, "alice",
                    new SharingApprovals("bob", "admin@" + partnerId + ".example")).id());
        }
        return new Partnership(partnerId, name, List.of(), shared, List.of());
    }

    /** What a test set up: the partner, its connected requests with their channels, its pending requests. */
    public record Partnership(String partnerId, String partnerName, List<String> connectedRequests, List<String> channels,
            List<String> pendingRequests) {
    }

    /** A new partner with an NDA running a year, {@code connected} channels shared with it and {@code pending} requests. */
    public Partnership partnership(int connected, int pending) {
        String name = access.newPartner();
        String partnerId = organisations.partnerNamed(name).id();
        LocalDate today = LocalDate.now(clock);
        ndas.record(partnerId, today.minusDays(1), today.plusYears(1), "NDA-" + partnerId, "lena");
        List<String> connectedRequests = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < connected; i++) {
            ProcessInstance pi = access.connected(i % 2 == 0 ? "alice" : "dave", name, today.plusMonths(3));
            connectedRequests.add(pi.getBusinessKey());
            channels.add(requests.get(pi.getBusinessKey()).channelId());
        }
        List<String> pendingRequests = new ArrayList<>();
        for (int i = 0; i < pending; i++) {
            AccessRequestView request = access.submit("alice", name, today.plusMonths(2));
            access.driver().runJobs(access.instance(request).getId());
            pendingRequests.add(request.id());
        }
        return new Partnership(partnerId, name, connectedRequests, channels, pendingRequests);
    }
}
