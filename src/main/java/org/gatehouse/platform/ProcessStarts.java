package org.gatehouse.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.camunda.bpm.engine.RuntimeService;

/**
 * How a {@code *Workflow} starts a process whose first step registers its domain record: under a new business key,
 * which becomes the record's id, so bad input rolls the whole start back and the record is read once it stands.
 */
public final class ProcessStarts {

    private ProcessStarts() {
    }

    /** Starts {@code processKey} with the {@code variables} put in; gives what {@code registered} reads by the id. */
    public static <V> V start(RuntimeService runtime, String processKey, Function<String, V> registered,
            Consumer<Map<String, Object>> variables) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> values = new HashMap<>();
        variables.accept(values);
        runtime.startProcessInstanceByKey(processKey, id, values);
        return registered.apply(id);
    }
}
