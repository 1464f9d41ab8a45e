package org.gatehouse.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The partner stopped sharing a connected channel on their own: the admins and the requester are told. */
@Component("partnerLeftChannel")
class PartnerLeftDelegate implements JavaDelegate {

    private final AccessRequestService requests;

    PartnerLeftDelegate(AccessRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.partnerLeft(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
