package org.gatehouse.platform;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Four eyes, enforced by the engine itself: when a decision's task is created, the person who raised what it decides
 * loses every right on it, so Tasklist, the engine REST API and Java all refuse them with an authorization error (403),
 * even when they are an admin: a user's revoke outweighs their groups' grants. The engine removes the authorization
 * with the task. Features name their four-eyes tasks in {@link ProcessRules}; the platform attaches the listener.
 */
public final class FourEyes {

    private FourEyes() {
    }

    /** The listener that keeps the person named by a process variable off the task. */
    public static TaskListener keepingOff(ProcessVariable<String> userVariable) {
        return task -> keepOff(task, userVariable.from(task));
    }

    /**
     * Revokes the person's rights on the task, whatever the caller's own rights (the step may run in a requester's
     * call), and once only: a model may still name the listener that the platform adds to it.
     */
    public static void keepOff(DelegateTask task, String userId) {
        if (userId == null || userId.isBlank()) {
            throw new ProcessEngineException("Four eyes: nobody is named to keep off task '"
                    + task.getTaskDefinitionKey() + "', so it is not created");
        }
        var authorizations = task.getProcessEngineServices().getAuthorizationService();
        Context.getCommandContext().runWithoutAuthorization(() -> {
            boolean revoked = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_REVOKE)
                    .userIdIn(userId).resourceType(Resources.TASK).resourceId(task.getId()).count() > 0;
            if (!revoked) {
                var revoke = authorizations.createNewAuthorization(AUTH_TYPE_REVOKE);
                revoke.setUserId(userId);
                revoke.setResource(Resources.TASK);
                revoke.setResourceId(task.getId());
                revoke.removePermission(Permissions.READ);
                revoke.removePermission(Permissions.UPDATE);
                revoke.removePermission(TaskPermissions.TASK_WORK);
                revoke.removePermission(TaskPermissions.TASK_ASSIGN);
                authorizations.saveAuthorization(revoke);
            }
            return null;
        });
    }
}
