package org.gatehouse.access;

import static org.gatehouse.access.PartnerOffboardingProcess.*;
import static org.gatehouse.platform.ProcessVariables.currentUser;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gatehouse.platform.ForbiddenException;
import org.springframework.stereotype.Component;

/**
 * On completion of {@code confirmOffboarding}, whichever API completes it: records the second admin's answer and who
 * gave it. The engine already keeps the admin who asked off the task (four eyes, added by the platform); this check
 * also holds for Java calls without a signed-in user.
 */
@Component("offboardingConfirmation")
class OffboardingConfirmationListener implements TaskListener {

    private final OffboardingService offboardings;

    OffboardingConfirmationListener(OffboardingService offboardings) {
        this.offboardings = offboardings;
    }

    @Override
    public void notify(DelegateTask task) {
        String admin = currentUser(task);
        try {
            offboardings.recordConfirmation(task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId(),
                    admin, CONFIRMED.required(task), COMMENT.from(task));
        } catch (ForbiddenException e) {
            throw new AuthorizationException(e.getMessage());
        }
        CONFIRMED_BY.set(task.getExecution(), admin);
    }
}
