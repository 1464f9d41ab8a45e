package org.gatehouse.platform;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;

/**
 * Who acts in a step, and which record it acts on: what delegates must not take from the variables alone. The
 * variables themselves are read through their declarations ({@link ProcessVariable}).
 */
public final class ProcessVariables {

    private ProcessVariables() {
    }

    /**
     * The business key, which is the domain record's id. A start from Tasklist's start form comes without one: the
     * record then gets a fresh id, and the instance takes it as its business key.
     */
    public static String businessKeyOrNew(DelegateExecution execution) {
        String id = execution.getProcessBusinessKey();
        if (id == null) {
            id = UUID.randomUUID().toString();
            execution.setProcessBusinessKey(id);
        }
        return id;
    }

    /**
     * Who starts the process: the engine's signed-in user (Tasklist, the engine REST API and Gatehouse's API all name
     * one), whatever the submitted variables say; {@code variable} only where Gatehouse itself starts it with no one
     * signed in (a call activity behind a job), where no person could have set it.
     */
    public static String starter(DelegateExecution execution, ProcessVariable<String> variable) {
        String user = currentUser(execution);
        return user != null ? user : variable.from(execution);
    }

    /**
     * Who did a task: the signed-in user when it was completed in Tasklist (whatever the form sent), otherwise
     * {@code variable}, set by the API to its signed-in caller.
     */
    public static String actor(DelegateExecution execution, ProcessVariable<String> variable) {
        String user = currentUser(execution);
        return user != null ? user : variable.from(execution);
    }

    public static String currentUser(ProcessEngineServicesAware scope) {
        var authentication = scope.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
