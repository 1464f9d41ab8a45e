package org.gatehouse.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * A deployment cannot run arbitrary code, nor keep history shorter than the retention. Every new deployment,
 * Gatehouse's own at start-up included, is checked before the engine reads it ({@link ModelCheck}: a refusal is a
 * {@link ParseException}, which the REST API answers with 400 and the element named, and nothing of it is
 * deployed); expressions see only the catalogue's beans and never the engine or reflection
 * ({@link GuardedExpressionManager}); and each four-eyes task that a feature declares in {@link ProcessRules} gets its
 * listener from the platform, built in (it runs even when custom listeners are skipped), so no model can drop it.
 */
@Component
class DeploymentGuard extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;
    private final ModelBeans beans;
    private final ObjectProvider<ProcessRules> rules;
    private final HistoryProperties history;

    DeploymentGuard(ApplicationContext context, ModelBeans beans, ObjectProvider<ProcessRules> rules,
            HistoryProperties history) {
        this.context = context;
        this.beans = beans;
        this.rules = rules;
        this.history = history;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Map<Object, Object> engineBeans = beans.forEngine();
        configuration.setBeans(engineBeans);
        configuration.setExpressionManager(new GuardedExpressionManager(context, engineBeans));
        configuration.setCustomPreDeployers(append(configuration.getCustomPreDeployers(), (Deployer) this::check));
        configuration.setCustomPostBPMNParseListeners(append(configuration.getCustomPostBPMNParseListeners(),
                (BpmnParseListener) new FourEyesListeners()));
    }

    /**
     * Only new deployments: one read back into the engine's cache was checked when it was made, or predates the
     * checks, and its running instances must go on. A refusal names every reason at once.
     */
    private void check(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        Map<String, byte[]> resources = new TreeMap<>();
        deployment.getResources().values().forEach(resource -> resources.put(resource.getName(), resource.getBytes()));
        var refusals = bundleCheck().refusals(resources, latestBundleVersion());
        if (!refusals.isEmpty()) {
            throw new ParseException("Gatehouse refuses this deployment: " + String.join("; ", refusals),
                    deployment.getName(), List.of(), List.of());
        }
    }

    ModelBundleCheck bundleCheck() {
        Map<String, Set<String>> fourEyes = new HashMap<>();
        fourEyesTasks().forEach((process, tasks) -> fourEyes.put(process, tasks.keySet()));
        Map<String, String> owners = new HashMap<>();
        rules.orderedStream().forEach(rule -> rule.messageNames().forEach(name -> owners.put(name, rule.processKey())));
        Map<String, Map<String, Set<String>>> inputs = new HashMap<>();
        rules.orderedStream().forEach(rule -> inputs.put(rule.processKey(), rule.requiredInputs()));
        Set<String> scheduled = rules.orderedStream().filter(ProcessRules::startsOnSchedule).map(ProcessRules::processKey)
                .collect(Collectors.toSet());
        return new ModelBundleCheck(inputs, new ModelCheck(new ExpressionAllowlist(beans.names(), beans::isOtherBean),
                history.retentionDays(), scheduled), ModelCatalogue.packaged(), fourEyes, owners);
    }

    /** The version of the latest bundle deployed, read in the deploying command. */
    private Optional<String> latestBundleVersion() {
        var context = Context.getCommandContext();
        return context.runWithoutAuthorization(
                () -> ModelBundles.latestVersion(context.getProcessEngineConfiguration().getRepositoryService()));
    }

    private Map<String, Map<String, TaskListener>> fourEyesTasks() {
        return rules.orderedStream().collect(Collectors.toMap(ProcessRules::processKey, ProcessRules::fourEyesTasks));
    }

    /** Adds the four-eyes listeners (a model that lost a four-eyes task is refused by {@link ModelBundleCheck}). */
    private final class FourEyesListeners extends AbstractBpmnParseListener {

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (!(activity.getProcessDefinition() instanceof ProcessDefinitionEntity process)) {
                return;
            }
            var listener = fourEyesTasks().getOrDefault(process.getKey(), Map.of()).get(activity.getId());
            if (listener != null && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
            }
        }
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> all = list == null ? new ArrayList<>() : new ArrayList<>(list);
        all.add(item);
        return all;
    }
}
