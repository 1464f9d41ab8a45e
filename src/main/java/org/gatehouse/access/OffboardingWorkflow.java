package org.gatehouse.access;

import static org.gatehouse.access.PartnerOffboardingProcess.*;

import org.camunda.bpm.engine.RuntimeService;
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

    /** 'End the partner's requests': each open request of the partner ends by its own process's path. */
    @Transactional
    public void endPartnerRequests(String id, String processInstanceId) {
        OffboardingService.RequestsToEnd toEnd = offboardings.requestsToEnd(id, processInstanceId);
        int ended = requests.endRequestsWith(toEnd.partnerId(), toEnd.admin(), toEnd.why());
        offboardings.recordRequestsEnded(id, processInstanceId, ended);
    }
}
