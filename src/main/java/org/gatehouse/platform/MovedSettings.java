package org.gatehouse.platform;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Settings that moved into the process owners' models ({@code bpmn/}): a duration a process runs by is set where
 * Modeler shows it, once. An operator who still sets one expects it to count, and ignoring it would run the processes
 * by another value unseen, so start-up stops and says where each went. Registered in {@code META-INF/spring.factories}.
 */
class MovedSettings implements EnvironmentPostProcessor {

    static final Map<String, String> MOVED = new TreeMap<>(Map.of(
            "gatehouse.access.invitation-validity",
            "the input parameter linkValidFor of 'Issue invitation link' in bpmn/external-access-request.bpmn",
            "gatehouse.experts.invitation-validity",
            "the input parameter invitationValidFor of 'Register invitation' in bpmn/expert-onboarding.bpmn",
            "gatehouse.approvals.validity", "the input parameter defaultDueIn of 'Register approval' in bpmn/approval.bpmn",
            "gatehouse.approvals.max-validity", "the input parameter maxDueIn of 'Register approval' in bpmn/approval.bpmn",
            "gatehouse.tickets.auto-close-after", "the timer 'Reopen window over' in bpmn/ticket-lifecycle.bpmn"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> stillSet = MOVED.entrySet().stream().filter(moved -> isSet(environment, moved.getKey()))
                .map(moved -> moved.getKey() + " is now " + moved.getValue()).toList();
        if (!stillSet.isEmpty()) {
            throw new IllegalStateException("Settings moved into the models, where process owners change them and "
                    + "deploy the bundle (bpmn/README.md): " + String.join("; ", stillSet) + ". Remove the settings.");
        }
    }

    private static boolean isSet(ConfigurableEnvironment environment, String name) {
        return StreamSupport.stream(ConfigurationPropertySources.get(environment).spliterator(), false)
                .anyMatch(source -> source.getConfigurationProperty(ConfigurationPropertyName.of(name)) != null);
    }
}
