package org.gatehouse.access;

import static org.gatehouse.access.AccessRequestProcess.REQUESTER;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gatehouse.platform.FourEyes;
import org.springframework.stereotype.Component;

/**
 * Four eyes on {@code hostAdminApproval}: the requester loses every right on it when it is created (see
 * {@link FourEyes}). The platform adds it to the task ({@link AccessRequestRules}); versions deployed before that name
 * it in the model, and their running instances still use it.
 */
@Component("excludeRequesterFromApproval")
class ExcludeRequesterFromApprovalListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        FourEyes.keepOff(task, REQUESTER.from(task));
    }
}
