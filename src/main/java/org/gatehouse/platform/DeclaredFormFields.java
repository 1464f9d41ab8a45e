package org.gatehouse.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fields a start or a task's Camunda Form declares, read from the form deployed with the process: what a person
 * may send when they start it or complete the task. A read-only field is shown, not answered: its value is the
 * process's, so a submission's copy of it is dropped rather than written back.
 */
@Component
class DeclaredFormFields {

    /** A form's keyed fields: those a person answers, and those only shown. */
    record Fields(Set<String> editable, Set<String> readOnly) {

        static final Fields NONE = new Fields(Set.of(), Set.of());

        boolean declares(String name) {
            return editable.contains(name) || readOnly.contains(name);
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Fields> byDefinitionAndActivity = new ConcurrentHashMap<>();
    private final FormService forms;
    private final TaskService tasks;
    private final RepositoryService repository;

    // lazy: the engine's services come from the engine this class helps configure
    DeclaredFormFields(@Lazy FormService forms, @Lazy TaskService tasks, @Lazy RepositoryService repository) {
        this.forms = forms;
        this.tasks = tasks;
        this.repository = repository;
    }

    Fields startFields(String processDefinitionId, String processDefinitionKey) {
        String definitionId = processDefinitionId != null ? processDefinitionId : TrustedCalls.run(() -> {
            var latest = repository.createProcessDefinitionQuery().processDefinitionKey(processDefinitionKey)
                    .latestVersion().singleResult();
            return latest == null ? null : latest.getId();
        });
        if (definitionId == null) {
            // no such process: the start fails on its own, with the engine's answer
            return Fields.NONE;
        }
        return byDefinitionAndActivity.computeIfAbsent(definitionId + "#start",
                key -> read(() -> forms.getDeployedStartForm(definitionId)));
    }

    Fields taskFields(String taskId) {
        var task = TrustedCalls.run(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
        if (task == null || task.getProcessDefinitionId() == null) {
            return Fields.NONE;
        }
        return byDefinitionAndActivity.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
                key -> read(() -> forms.getDeployedTaskForm(taskId)));
    }

    private Fields read(java.util.function.Supplier<InputStream> form) {
        return TrustedCalls.run(() -> {
            try (InputStream in = form.get()) {
                Set<String> editable = new TreeSet<>();
                Set<String> readOnly = new TreeSet<>();
                collect(json.readTree(in).path("components"), editable, readOnly);
                return new Fields(Set.copyOf(editable), Set.copyOf(readOnly));
            } catch (ProcessEngineException e) {
                // no deployed Camunda Form: nothing may be sent
                return Fields.NONE;
            } catch (IOException e) {
                throw new IllegalStateException("A deployed form is not readable JSON", e);
            }
        });
    }

    /** {@code true}, or a FEEL expression that may make it so: treated as shown only, the safe side. */
    private static boolean flagged(JsonNode value) {
        return value.asBoolean(false) || value.isTextual() && !value.asText().isBlank();
    }

    /** Groups and dynamic lists nest their fields. */
    private static void collect(JsonNode components, Set<String> editable, Set<String> readOnly) {
        for (JsonNode component : components) {
            String key = component.path("key").asText(null);
            if (key != null && !key.isBlank()) {
                boolean shown = flagged(component.path("readonly")) || flagged(component.path("disabled"));
                (shown ? readOnly : editable).add(key);
            }
            collect(component.path("components"), editable, readOnly);
        }
    }
}
