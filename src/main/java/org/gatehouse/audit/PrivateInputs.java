package org.gatehouse.audit;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.dmn.instance.Input;
import org.gatehouse.platform.GatehouseEngineCalls;
import org.gatehouse.platform.PrivateVariables;
import org.gatehouse.platform.ProcessRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Which inputs of a decision read a private variable (the routing text): the trail never shows the value the engine
 * kept of one (history written before the values were withheld still has it), judged as the history itself judges
 * them ({@link PrivateVariables}).
 */
@Component
@GatehouseEngineCalls
class PrivateInputs {

    private final RepositoryService repository;
    private final Supplier<PrivateVariables> privacy;
    /** By decision definition id: a deployed decision never changes. Empty: its model is gone. */
    private final Map<String, Optional<Map<String, Set<String>>>> byDefinition = new ConcurrentHashMap<>();

    PrivateInputs(RepositoryService repository, ObjectProvider<ProcessRules> rules) {
        this.repository = repository;
        this.privacy = SingletonSupplier.of(() -> PrivateVariables.of(rules.orderedStream().toList()));
    }

    /**
     * The private variables the input {@code clauseId} of the decision reads; empty for an input that reads none,
     * and null when the decision's model cannot be read any more, so that every input counts as private.
     */
    public Set<String> readBy(String decisionDefinitionId, String clauseId) {
        return byDefinition.computeIfAbsent(decisionDefinitionId, this::inputs)
                .map(inputs -> inputs.getOrDefault(clauseId, Set.of())).orElse(null);
    }

    private Optional<Map<String, Set<String>>> inputs(String decisionDefinitionId) {
        try {
            Map<String, Set<String>> inputs = new HashMap<>();
            for (Input input : repository.getDmnModelInstance(decisionDefinitionId).getModelElementsByType(Input.class)) {
                String expression = input.getInputExpression() == null || input.getInputExpression().getText() == null
                        ? null : input.getInputExpression().getText().getTextContent();
                inputs.put(input.getId(), privacy.get().readIn(expression));
            }
            return Optional.of(inputs);
        } catch (ProcessEngineException e) {
            return Optional.empty();
        }
    }
}
