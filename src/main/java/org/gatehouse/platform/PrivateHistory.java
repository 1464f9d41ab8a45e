package org.gatehouse.platform;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInputInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.CompositeDbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The engine's history on level {@code full}, without the values of private variables ({@link
 * ProcessRules#privateVariables()}): a variable's creation, updates and removal are kept with no value, in the
 * variable history as in the detail log, and so are a submitted form's fields and the decision inputs that read one.
 * Every event passes here before Camunda writes it, so no value reaches a history table. Not a custom history level:
 * a database that has run on level {@code full} refuses to start on another.
 */
@Component
class PrivateHistory extends AbstractProcessEnginePlugin {

    /** Read at the first event: the features' rules may need beans that need the engine. */
    private final ObjectProvider<ProcessRules> rules;

    PrivateHistory(ObjectProvider<ProcessRules> rules) {
        this.rules = rules;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new Filter(
                SingletonSupplier.of(() -> PrivateVariables.of(rules.orderedStream().toList())),
                new CompositeDbHistoryEventHandler(configuration.getCustomHistoryEventHandlers())));
    }

    /** Takes the private values out of each event, then hands it to Camunda's writer. */
    static final class Filter implements HistoryEventHandler {

        private final Supplier<PrivateVariables> privacy;
        private final HistoryEventHandler writer;
        /** By decision definition id: a deployed decision never changes, and every routing evaluates one. */
        private final Map<String, Set<String>> privateInputsByDecision = new ConcurrentHashMap<>();

        Filter(Supplier<PrivateVariables> privacy, HistoryEventHandler writer) {
            this.privacy = privacy;
            this.writer = writer;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            withhold(event);
            writer.handleEvent(event);
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::withhold);
            writer.handleEvents(events);
        }

        private void withhold(HistoryEvent event) {
            if (event instanceof HistoricVariableUpdateEventEntity variable
                    && privacy.get().isPrivate(variable.getProcessDefinitionKey(), variable.getVariableName())) {
                // the type stays: history says that a text was set, not which
                variable.setTextValue(null);
                variable.setTextValue2(null);
                variable.setLongValue(null);
                variable.setDoubleValue(null);
                variable.setByteValue(null);
            } else if (event instanceof HistoricFormPropertyEventEntity field
                    && privacy.get().isPrivate(field.getProcessDefinitionKey(), field.getPropertyId())) {
                field.setPropertyValue(null);
            } else if (event instanceof HistoricDecisionEvaluationEvent evaluation) {
                withhold(evaluation.getRootHistoricDecisionInstance());
                evaluation.getRequiredHistoricDecisionInstances().forEach(this::withhold);
            }
        }

        private void withhold(HistoricDecisionInstanceEntity decision) {
            Set<String> privateInputs = privateInputsByDecision.computeIfAbsent(decision.getDecisionDefinitionId(),
                    this::privateInputs);
            for (HistoricDecisionInputInstance input : decision.getInputs()) {
                if (privateInputs.contains(input.getClauseId())) {
                    var entity = (HistoricDecisionInputInstanceEntity) input;
                    entity.setTextValue(null);
                    entity.setTextValue2(null);
                    entity.setLongValue(null);
                    entity.setDoubleValue(null);
                    // an object value was stored as bytes as it was read: removed again
                    entity.setByteArrayValue(null);
                }
            }
        }

        /** The ids of the decision table's inputs whose expressions read a private variable. */
        private Set<String> privateInputs(String decisionDefinitionId) {
            var definition = Context.getProcessEngineConfiguration().getDeploymentCache()
                    .findDeployedDecisionDefinitionById(decisionDefinitionId);
            if (!(definition.getDecisionLogic() instanceof DmnDecisionTableImpl table)) {
                return Set.of();
            }
            return table.getInputs().stream()
                    .filter(input -> input.getExpression() != null
                            && privacy.get().readBy(input.getExpression().getExpression()))
                    .map(DmnDecisionTableInputImpl::getId).collect(Collectors.toSet());
        }
    }
}
