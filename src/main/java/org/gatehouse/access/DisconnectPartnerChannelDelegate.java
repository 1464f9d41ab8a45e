package org.gatehouse.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One instance of 'Disconnect channel': the channel named by its element variable {@code channelId}. */
@Component("disconnectPartnerChannel")
class DisconnectPartnerChannelDelegate implements JavaDelegate {

    private final OffboardingService offboardings;

    DisconnectPartnerChannelDelegate(OffboardingService offboardings) {
        this.offboardings = offboardings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        offboardings.disconnectChannel(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
                PartnerOffboardingProcess.CHANNEL_ID.required(execution));
    }
}
