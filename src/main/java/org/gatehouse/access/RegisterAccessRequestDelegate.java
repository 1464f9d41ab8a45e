package org.gatehouse.access;

import static org.gatehouse.access.AccessRequestProcess.*;
import static org.gatehouse.platform.ProcessVariables.businessKeyOrNew;
import static org.gatehouse.platform.ProcessVariables.starter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of every request, whether started by the API or by the Tasklist start form. A start by a signed-in
 * user (Tasklist) always counts that user as the requester, whatever the submitted variables say.
 */
@Component("registerAccessRequest")
class RegisterAccessRequestDelegate implements JavaDelegate {

    private final AccessRequestService requests;

    RegisterAccessRequestDelegate(AccessRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = businessKeyOrNew(execution);
        String requester = starter(execution, REQUESTER);
        var draft = new AccessRequestDraft(WORKSPACE.from(execution), CHANNEL_NAME.from(execution),
                PARTNER_ORGANISATION.from(execution), PARTNER_CONTACT_NAME.from(execution),
                PARTNER_CONTACT_EMAIL.from(execution), PROJECT_NAME.from(execution), END_DATE.from(execution),
                PURPOSE.from(execution));
        requests.register(id, draft, requester, execution.getProcessInstanceId());
        REQUESTER.set(execution, requester);
    }
}
