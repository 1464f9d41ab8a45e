package org.gatehouse.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gatehouse.platform.DeployedResources;
import org.springframework.stereotype.Component;

/**
 * Reads the house-rules template from the deployment the running process came from, so that a process owner's
 * edit takes effect with the next deployment and running requests keep the rules they started with.
 */
@Component("pinHouseRules")
class PinHouseRulesDelegate implements JavaDelegate {

    static final String TEMPLATE = "house-rules.mustache";

    private final AccessRequestService requests;
    private final DeployedResources resources;

    PinHouseRulesDelegate(AccessRequestService requests, DeployedResources resources) {
        this.requests = requests;
        this.resources = resources;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.pinHouseRules(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
                resources.ofDefinition(execution.getProcessDefinitionId(), TEMPLATE));
    }
}
