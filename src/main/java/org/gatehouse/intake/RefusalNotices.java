package org.gatehouse.intake;

import org.camunda.bpm.engine.RuntimeService;
import org.gatehouse.platform.GatehouseEngineCalls;
import org.springframework.stereotype.Component;

/** The intake's side of the engine: a refused e-mail's sender is told why by the process {@code intake-notice}. */
@Component
@GatehouseEngineCalls
class RefusalNotices {

    private final RuntimeService runtime;

    RefusalNotices(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Starts the notice in the caller's transaction: it goes out only if the refusal is recorded. */
    void tell(String inboundId) {
        runtime.startProcessInstanceByKey(IntakeNoticeProcess.KEY, inboundId);
    }
}
