package org.gatehouse.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of the variables that forms and the API hand to delegates; a bad value names its variable. */
public final class ProcessVariables {

    private ProcessVariables() {
    }

    public static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    public static String businessKey(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

    /**
     * The business key, which is the domain record's id. A start from Tasklist's start form comes without one: the
     * record then gets a fresh id, and the instance takes it as its business key.
     */
    public static String businessKeyOrNew(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
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
    public static String starter(org.camunda.bpm.engine.delegate.DelegateExecution execution, String variable) {
        String user = currentUser(execution);
        return user != null ? user : string(execution, variable);
    }

    /** Forms send dates as ISO strings ("2027-01-31"), possibly with a time part that a date field ignores. */
    public static LocalDate date(VariableScope scope, String name) {
        String value = string(scope, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, name + " must be a date (yyyy-mm-dd), not '" + value + "'");
        }
    }

    public static boolean flag(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Boolean b) {
            return b;
        }
        if (value == null) {
            throw new InvalidInputException(name, "A yes or no answer is required");
        }
        return Boolean.parseBoolean(value.toString());
    }

    /**
     * Who did a task: the signed-in user when it was completed in Tasklist (whatever the form sent), otherwise
     * {@code variable}, set by the API to its signed-in caller.
     */
    public static String actor(org.camunda.bpm.engine.delegate.DelegateExecution execution, String variable) {
        String user = currentUser(execution);
        return user != null ? user : string(execution, variable);
    }

    public static String currentUser(org.camunda.bpm.engine.delegate.ProcessEngineServicesAware scope) {
        var authentication = scope.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
