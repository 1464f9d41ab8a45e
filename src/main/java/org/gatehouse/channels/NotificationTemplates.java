package org.gatehouse.channels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.Resource;
import org.gatehouse.platform.GatehouseEngineCalls;
import org.springframework.stereotype.Component;

/**
 * The texts of Gatehouse's messages: Mustache templates that the process owners keep in {@code bpmn/notifications/}
 * and deploy with the processes. A template's first line is {@code Subject: ...}, then an empty line, then the text.
 */
@Component
@GatehouseEngineCalls
class NotificationTemplates {

    static final String FOLDER = "notifications/";
    private static final String SUBJECT = "Subject:";

    private final RepositoryService repository;
    private final HistoryService history;
    private final Map<String, Optional<Compiled>> compiled = new ConcurrentHashMap<>();

    NotificationTemplates(RepositoryService repository, HistoryService history) {
        this.repository = repository;
        this.history = history;
    }

    /**
     * The subject and text, from the template of the message's process's deployment, or, where that deployment has none
     * (a process deployed alone), of the newest deployment that has it.
     */
    Text render(MessageTemplate message) {
        Compiled template = fromInstance(message).or(() -> newest(message.name())).orElseThrow(
                () -> new IllegalStateException("No deployment has the template " + FOLDER + message.name()));
        return new Text(template.subject().execute(message.model()).strip(), template.body().execute(message.model()).strip());
    }

    record Text(String subject, String body) {
    }

    private record Compiled(Template subject, Template body) {
    }

    private Optional<Compiled> fromInstance(MessageTemplate message) {
        if (message.processInstanceId() == null) {
            return Optional.empty();
        }
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(message.processInstanceId()).singleResult();
        return instance == null ? Optional.empty() : template(
                repository.getProcessDefinition(instance.getProcessDefinitionId()).getDeploymentId(), message.name());
    }

    /** For a message of no process, or of a process deployed alone: the newest deployment that has the template. */
    private Optional<Compiled> newest(String name) {
        return repository.createDeploymentQuery().orderByDeploymentTime().desc().list().stream()
                .map(deployment -> template(deployment.getId(), name)).flatMap(Optional::stream).findFirst();
    }

    /** A deployment never changes, so what was found in it, or not, holds for good. */
    private Optional<Compiled> template(String deploymentId, String name) {
        return compiled.computeIfAbsent(deploymentId + "/" + name, key -> compile(deploymentId, name));
    }

    private Optional<Compiled> compile(String deploymentId, String name) {
        String wanted = FOLDER + name + ".mustache";
        Resource resource = repository.getDeploymentResources(deploymentId).stream()
                .filter(r -> r.getName().endsWith(wanted)).findFirst().orElse(null);
        if (resource == null) {
            return Optional.empty();
        }
        String source;
        try (InputStream in = repository.getResourceAsStreamById(deploymentId, resource.getId())) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int end = source.indexOf('\n');
        if (!source.startsWith(SUBJECT) || end < 0) {
            throw new IllegalStateException(resource.getName() + " must start with a line 'Subject: ...'");
        }
        // plain text: nothing to escape, and a missing value is an error rather than a silent gap
        Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).strictSections(true);
        return Optional.of(new Compiled(compiler.compile(source.substring(SUBJECT.length(), end)),
                compiler.compile(source.substring(end + 1))));
    }
}
