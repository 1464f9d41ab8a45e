package org.gatehouse.platform;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * A Tasklist filter a feature offers for its tasks: created once by name ({@link TasklistFilters}), readable by
 * {@code readers}, showing {@code columns} (variables, each {@code name} and {@code label}).
 */
public record TasklistFilter(String name, int priority, String description, Function<TaskService, TaskQuery> query,
        List<String> readers, List<Map<String, String>> columns) {

    public static Map<String, String> column(String variable, String label) {
        return Map.of("name", variable, "label", label);
    }
}
