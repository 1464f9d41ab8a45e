package org.gatehouse.access;

import static org.gatehouse.access.PartnerOffboardingProcess.*;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.Correlations;
import org.gatehouse.platform.GatehouseEngineCalls;
import org.gatehouse.platform.ProcessStarts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where ending a partnership meets the engine: starts {@code partner-offboarding}, and ends the partner's open
 * requests through their own processes (a withdrawal, or a disconnection of a connected one), never around them.
 */
@Component
@GatehouseEngineCalls
public class OffboardingWorkflow {

    private final RuntimeService runtime;
    private final OffboardingService offboardings;
    private final AccessRequestWorkflow requests;

    OffboardingWorkflow(RuntimeService runtime, OffboardingService offboardings, AccessRequestWorkflow requests) {
        this.runtime = runtime;
        this.offboardings = offboardings;
        this.requests = requests;
    }

    /**
     * A10: an admin asks to end the partnership; its first step registers it, so a refusal starts nothing. Nothing is
     * disconnected until a second admin confirms.
     */
    @Transactional
    public OffboardingView start(String partnerId, OffboardingDraft draft, String admin) {
        offboardings.checkMayStart(partnerId, admin);
        return ProcessStarts.start(runtime, KEY, id -> offboardings.view(partnerId, id, admin), variables -> {
            PARTNER_ID.putIn(variables, partnerId);
            KEEP_DIRECT_MESSAGES.putIn(variables, draft.keepsDirectMessages());
            REASON.putIn(variables, draft.reason());
            REQUESTED_BY.putIn(variables, admin);
        });
    }

    /**
     * The admin who asked, or a workspace admin, calls the offboarding off while it awaits the confirmation: the
     * confirmation task ends and the offboarding is CANCELLED, in this one transaction.
     */
    @Transactional
    public OffboardingView cancel(String partnerId, String id, String user) {
        offboardings.requestCancellation(partnerId, id, user);
        Correlations.correlate(runtime, MSG_CANCELLED, id, Map.of(), () -> new ConflictException("status",
                "Offboarding " + id + " is not awaiting its confirmation right now"));
        return offboardings.view(partnerId, id, user);
    }

    /** 'End the partner's requests': each open request of the partner ends by its own process's path. */
    @Transactional
    public void endPartnerRequests(String id, String processInstanceId) {
        OffboardingService.RequestsToEnd toEnd = offboardings.requestsToEnd(id, processInstanceId);
        int ended = requests.endRequestsWith(toEnd.partnerId(), toEnd.admin(), toEnd.why());
        offboardings.recordRequestsEnded(id, processInstanceId, ended);
    }
}
