package org.gatehouse.access;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;
import static org.gatehouse.access.AccessRequestProcess.REQUESTER;
import static org.gatehouse.platform.ProcessVariables.string;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Four eyes, enforced by the engine itself: when the approval task is created, the requester loses every right on
 * it, so Tasklist, the engine REST API and Java all refuse them with an authorization error (403), even when they
 * are a workspace admin or an admin: a user's revoke outweighs their groups' grants. The engine removes the authorization
 * with the task.
 */
@Component("excludeRequesterFromApproval")
class ExcludeRequesterFromApprovalListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        var authorizations = task.getProcessEngineServices().getAuthorizationService();
        var revoke = authorizations.createNewAuthorization(AUTH_TYPE_REVOKE);
        revoke.setUserId(string(task, REQUESTER));
        revoke.setResource(Resources.TASK);
        revoke.setResourceId(task.getId());
        revoke.removePermission(Permissions.READ);
        revoke.removePermission(Permissions.UPDATE);
        revoke.removePermission(TaskPermissions.TASK_WORK);
        revoke.removePermission(TaskPermissions.TASK_ASSIGN);
        authorizations.saveAuthorization(revoke);
    }
}
