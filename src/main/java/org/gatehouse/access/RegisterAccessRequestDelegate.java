package org.gatehouse.access;

import static org.gatehouse.access.AccessRequestProcess.*;
import static org.gatehouse.platform.ProcessVariables.businessKeyOrNew;
import static org.gatehouse.platform.ProcessVariables.date;
import static org.gatehouse.platform.ProcessVariables.starter;
import static org.gatehouse.platform.ProcessVariables.string;

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
        var draft = new AccessRequestDraft(string(execution, WORKSPACE), string(execution, CHANNEL_NAME),
                string(execution, PARTNER_ORGANISATION), string(execution, PARTNER_CONTACT_NAME),
                string(execution, PARTNER_CONTACT_EMAIL), string(execution, PROJECT_NAME), date(execution, END_DATE),
                string(execution, PURPOSE));
        requests.register(id, draft, requester, execution.getProcessInstanceId());
        execution.setVariable(REQUESTER, requester);
        execution.setVariable(RENEWING, false);
    }
}
