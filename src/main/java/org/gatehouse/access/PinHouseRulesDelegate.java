package org.gatehouse.access;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.Resource;
import org.springframework.stereotype.Component;

/**
 * Reads the house-rules template from the deployment the running process came from, so that a process owner's
 * edit takes effect with the next deployment and running requests keep the rules they started with.
 */
@Component("pinHouseRules")
class PinHouseRulesDelegate implements JavaDelegate {

    static final String TEMPLATE = "house-rules.mustache";

    private final AccessRequestService requests;

    PinHouseRulesDelegate(AccessRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) throws IOException {
        RepositoryService repository = execution.getProcessEngineServices().getRepositoryService();
        String deploymentId = repository.getProcessDefinition(execution.getProcessDefinitionId()).getDeploymentId();
        Resource resource = repository.getDeploymentResources(deploymentId).stream()
                .filter(r -> r.getName().endsWith(TEMPLATE)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Deployment " + deploymentId + " has no " + TEMPLATE));
        try (InputStream in = repository.getResourceAsStreamById(deploymentId, resource.getId())) {
            requests.pinHouseRules(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
