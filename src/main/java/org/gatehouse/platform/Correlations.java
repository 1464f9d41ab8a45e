package org.gatehouse.platform;

import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;

/**
 * How Gatehouse's {@code *Workflow} classes hand a message to the process instance that waits for it: by the
 * instance's business key, with the variables the message brings. Called within their trusted calls.
 */
public final class Correlations {

    private Correlations() {
    }

    /** Where no instance waits for the message, the engine's {@link MismatchingMessageCorrelationException} stands. */
    public static void correlate(RuntimeService runtime, String message, String businessKey,
            Map<String, Object> variables) {
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(businessKey).setVariables(variables)
                .correlateWithResult();
    }

    /**
     * {@code notWaiting} is the answer where no instance waits for the message at this moment: the process is a step
     * away from it, or past it.
     */
    public static void correlate(RuntimeService runtime, String message, String businessKey,
            Map<String, Object> variables, Supplier<? extends RuntimeException> notWaiting) {
        try {
            correlate(runtime, message, businessKey, variables);
        } catch (MismatchingMessageCorrelationException e) {
            throw notWaiting.get();
        }
    }
}
