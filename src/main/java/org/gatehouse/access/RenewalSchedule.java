package org.gatehouse.access;

import static org.gatehouse.access.AccessRequestProcess.ASK_RENEWAL_AT;
import static org.gatehouse.access.AccessRequestProcess.END_DATE;
import static org.gatehouse.access.AccessRequestProcess.ENDS_AT;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.Period;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gatehouse.platform.CalledFromModels;
import org.springframework.stereotype.Component;

/**
 * Called from the flow into the renewal timer, {@code ${renewalSchedule.plan(execution, 'P14D')}}: model expressions
 * cannot compute dates, so the timers and the due date read the moments set here, and the notice stays in the model
 * where process owners change it.
 */
@CalledFromModels
@Component("renewalSchedule")
public class RenewalSchedule {

    private final Clock clock;

    RenewalSchedule(Clock clock) {
        this.clock = clock;
    }

    /** Sets when the (possibly renewed) end date comes and when to ask: the notice before it, but never in the past. */
    public void plan(DelegateExecution execution, String notice) {
        LocalDateTime endsAt = END_DATE.required(execution).atStartOfDay();
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime askAt = endsAt.minus(Period.parse(notice));
        ENDS_AT.set(execution, endsAt);
        ASK_RENEWAL_AT.set(execution, askAt.isBefore(now) ? now : askAt);
    }
}
