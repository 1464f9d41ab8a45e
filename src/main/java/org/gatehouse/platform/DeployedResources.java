package org.gatehouse.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.Resource;
import org.springframework.stereotype.Component;

/**
 * The texts the process owners deploy with their processes (message templates, link pages), read from the deployment
 * of the process instance they serve: an edit reaches new instances with the next deployment, a running instance keeps
 * its own until it is migrated. Read as a trusted call: the reader (a link's holder, a step) need not see models.
 */
@Component
@GatehouseEngineCalls
public class DeployedResources {

    private final RepositoryService repository;
    private final HistoryService history;
    private final Map<String, Optional<String>> texts = new ConcurrentHashMap<>();

    DeployedResources(RepositoryService repository, HistoryService history) {
        this.repository = repository;
        this.history = history;
    }

    /**
     * The file {@code path} (such as {@code pages/approval.mustache}) of the deployment of {@code processInstanceId}'s
     * process or, where that deployment has none (an instance of a bundle older than the file, or no instance at all),
     * of the newest deployment that has it.
     */
    public String text(String processInstanceId, String path) {
        return ofInstance(processInstanceId, path).or(() -> newest(path))
                .orElseThrow(() -> new IllegalStateException("No deployment has " + path));
    }

    /** The file {@code path} of the deployment of a process definition, for a step of that process. */
    public String ofDefinition(String processDefinitionId, String path) {
        return ofDefinitionIfAny(processDefinitionId, path).or(() -> newest(path))
                .orElseThrow(() -> new IllegalStateException("No deployment has " + path));
    }

    private Optional<String> ofInstance(String processInstanceId, String path) {
        if (processInstanceId == null) {
            return Optional.empty();
        }
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        return instance == null ? Optional.empty() : ofDefinitionIfAny(instance.getProcessDefinitionId(), path);
    }

    private Optional<String> ofDefinitionIfAny(String processDefinitionId, String path) {
        return of(repository.getProcessDefinition(processDefinitionId).getDeploymentId(), path);
    }

    private Optional<String> newest(String path) {
        return repository.createDeploymentQuery().orderByDeploymentTime().desc().list().stream()
                .map(deployment -> of(deployment.getId(), path)).flatMap(Optional::stream).findFirst();
    }

    /** A deployment never changes, so what was found in it, or not, holds for good. */
    private Optional<String> of(String deploymentId, String path) {
        return texts.computeIfAbsent(deploymentId + "/" + path, key -> read(deploymentId, path));
    }

    private Optional<String> read(String deploymentId, String path) {
        Resource resource = repository.getDeploymentResources(deploymentId).stream()
                .filter(r -> r.getName().equals(path) || r.getName().endsWith("/" + path)).findFirst().orElse(null);
        if (resource == null) {
            return Optional.empty();
        }
        try (InputStream in = repository.getResourceAsStreamById(deploymentId, resource.getId())) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
