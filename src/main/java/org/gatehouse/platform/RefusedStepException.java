package org.gatehouse.platform;

import java.util.Objects;

/**
 * A step that would change a domain record out of order: a status move its lifecycle does not allow, a move from a
 * status the record has already left (someone was quicker), or a step of another process instance than the one the
 * record belongs to. Thrown inside the step's transaction, it rolls a synchronous step back and fails an asynchronous
 * one's job (retries, then an incident), so that no engine-level change skips a decision; over the API it is a 409.
 */
public class RefusedStepException extends ConflictException {

    private RefusedStepException(String field, String message) {
        super(field, message);
    }

    /** The lifecycle's table does not lead from {@code from} to {@code to}. */
    public static RefusedStepException transition(String record, Object id, Enum<?> from, Enum<?> to) {
        return new RefusedStepException("status", record + " " + id + " is " + from + ": it cannot become " + to);
    }

    /** The step's own precondition (an approval recorded, a status it needs) does not hold. */
    public static RefusedStepException precondition(String record, Object id, String why) {
        return new RefusedStepException("status", record + " " + id + ": " + why);
    }

    /** The conditional update found the record no longer in {@code from}: a concurrent step won. */
    public static RefusedStepException stale(String record, Object id, Enum<?> from) {
        return new RefusedStepException("status", record + " " + id + " is no longer " + from + ": another step was quicker");
    }

    /**
     * Refuses {@code instance} unless it is the one {@code owner} names. A record without an owner is older than the
     * binding (or, for a ticket, made before its process started): {@code bind} claims it for {@code instance}, once.
     */
    public static void requireOwner(String record, Object id, String owner, String instance, BindOnce bind) {
        if (instance == null) {
            throw new IllegalArgumentException("A step on " + record + " " + id + " names no process instance");
        }
        if (owner == null ? !bind.bind() : !Objects.equals(owner, instance)) {
            throw new RefusedStepException("processInstanceId", record + " " + id + " belongs to another process "
                    + "instance than " + instance);
        }
    }

    /** The conditional update that binds an unbound record to an instance: false when another bound it first. */
    @FunctionalInterface
    public interface BindOnce {
        boolean bind();
    }
}
