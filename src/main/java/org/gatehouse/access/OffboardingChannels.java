package org.gatehouse.access;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gatehouse.platform.CalledFromModels;
import org.springframework.stereotype.Component;

/**
 * The collection of 'Disconnect channel' ({@code ${offboardingChannels.of(execution)}}): the channels the offboarding
 * lists, read from its record rather than from a variable anyone could set.
 */
@CalledFromModels
@Component("offboardingChannels")
public class OffboardingChannels {

    private final OffboardingService offboardings;

    OffboardingChannels(OffboardingService offboardings) {
        this.offboardings = offboardings;
    }

    public List<String> of(DelegateExecution execution) {
        return offboardings.channelIds(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
