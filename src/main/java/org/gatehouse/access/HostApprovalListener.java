package org.gatehouse.access;

import static org.gatehouse.access.AccessRequestProcess.*;
import static org.gatehouse.platform.ProcessVariables.currentUser;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gatehouse.platform.ForbiddenException;
import org.springframework.stereotype.Component;

/**
 * On completion of {@code hostAdminApproval}, whichever API completes it: records the decision and who took it. The
 * engine's authorization checks already keep the requester off the task, admins included (see
 * {@link ExcludeRequesterFromApprovalListener}); this check also holds for Java calls without a signed-in user.
 */
@Component("hostApprovalDecision")
class HostApprovalListener implements TaskListener {

    private final AccessRequestService requests;

    HostApprovalListener(AccessRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void notify(DelegateTask task) {
        String approver = currentUser(task);
        boolean approved = APPROVED.required(task);
        String comment = COMMENT.from(task);
        try {
            requests.recordHostDecision(task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId(), approver,
                    approved, comment);
        } catch (ForbiddenException e) {
            throw new AuthorizationException(e.getMessage());
        }
        HOST_APPROVER.set(task.getExecution(), approver);
        if (!approved) {
            REJECTION_REASON.set(task.getExecution(),
                    "Rejected by " + approver + (comment == null || comment.isBlank() ? "" : ": " + comment));
        }
    }
}
