package org.gatehouse.platform;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * What a feature tells the platform about one of its processes, so that the platform guards every Gatehouse process
 * without knowing any feature: each feature publishes one bean per process key.
 */
public interface ProcessRules {

    /** The process's key, as in {@code bpmn/README.md}. */
    String processKey();

    /**
     * The user tasks where four eyes apply, each with the listener that keeps the person who raised the request off
     * the task when it is created. The platform adds these listeners at deployment, so no model can drop them.
     */
    default Map<String, TaskListener> fourEyesTasks() {
        return Map.of();
    }

    /**
     * The variables whose values are the people's own words or data (message text, notes, profiles): the engine's
     * history keeps that they were set and changed, never their values, and a decision input that reads one is kept
     * without its value too.
     */
    default Set<String> privateVariables() {
        return Set.of();
    }

    /**
     * The messages Gatehouse correlates into this process. No model of another process may declare them: a process
     * owner's message start event or catch event would otherwise take Gatehouse's own correlations.
     */
    default Set<String> messageNames() {
        return Set.of();
    }

    /**
     * The input parameters the code of a step reads from the model (a duration the owner sets there), by the step's
     * id: a bundle whose model drops one is refused at deployment rather than failing when the step runs.
     */
    default Map<String, Set<String>> requiredInputs() {
        return Map.of();
    }

    /**
     * Whether Gatehouse starts this process on a timer of its own model (a nightly check): the one process a timer
     * start event may start, since it acts for nobody. Its steps must then take no decision and change no request:
     * they read the outside world and record what they found.
     */
    default boolean startsOnSchedule() {
        return false;
    }

    /** The rights groups need on this process (to start it, read its model, see its instances in Tasklist). */
    default List<Grant> grants() {
        return List.of();
    }

    /** The Tasklist filters this process's tasks are worked from. */
    default List<TasklistFilter> tasklistFilters() {
        return List.of();
    }
}
