package org.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The nightly reconciliation as the tests run it: the model's own timer fires, and its instance is there. */
@Component
public class ReconciliationFixtures {

    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;

    /** The night comes: the model's timer starts an instance, whose step waits as its own job. */
    public ProcessInstance nightFalls() {
        Set<String> before = instances();
        Job timer = management.createJobQuery().processDefinitionKey(OrganisationReconciliationProcess.KEY).timers()
                .singleResult();
        assertThat(timer).as("the model's nightly timer is scheduled").isNotNull();
        management.executeJob(timer.getId());
        Set<String> started = instances();
        started.removeAll(before);
        assertThat(started).hasSize(1);
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(started.iterator().next())
                .singleResult();
        assertThat(pi).hasPassed("StartEvent_Nightly").isWaitingAt("Activity_ReconcileOrganisations");
        return pi;
    }

    private Set<String> instances() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(OrganisationReconciliationProcess.KEY).list()
                .stream().map(ProcessInstance::getId).collect(Collectors.toSet());
    }
}
