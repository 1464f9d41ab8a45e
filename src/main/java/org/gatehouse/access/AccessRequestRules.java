package org.gatehouse.access;

import java.util.Map;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.gatehouse.platform.ProcessRules;
import org.springframework.stereotype.Component;

/** {@code external-access-request}: the host admin's approval is never the requester's (four eyes). */
@Component
class AccessRequestRules implements ProcessRules {

    private final ExcludeRequesterFromApprovalListener excludeRequester;

    AccessRequestRules(ExcludeRequesterFromApprovalListener excludeRequester) {
        this.excludeRequester = excludeRequester;
    }

    @Override
    public String processKey() {
        return AccessRequestProcess.KEY;
    }

    @Override
    public Map<String, TaskListener> fourEyesTasks() {
        return Map.of(AccessRequestProcess.TASK_HOST_APPROVAL, excludeRequester);
    }
}
