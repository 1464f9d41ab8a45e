package org.gatehouse.platform;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Moves running instances to a newer version of their model, by the plan the engine generates (equal activities map
 * to each other), on Gatehouse's trusted path: the engine's own migration stays for {@code camunda-admin} alone.
 * Refused whole, with every reason, where the engine cannot map an instance or where an instance would land past a
 * decision it never took ({@link SkippedDecisions}).
 */
@Service
public class ModelMigrations {

    private final ProcessEngine engine;

    ModelMigrations(ProcessEngine engine) {
        this.engine = engine;
    }

    /** What moved: from which version to which, and the instances. */
    public record Migrated(String source, int sourceVersion, String target, int targetVersion, List<String> instances) {
    }

    /**
     * @param targetId the version to move to; null for the latest of the same process
     * @param instanceIds the instances to move; null or empty for every instance of the source version
     */
    public Migrated migrate(String sourceId, String targetId, List<String> instanceIds) {
        return TrustedCalls.run(() -> {
            var repository = engine.getRepositoryService();
            var runtime = engine.getRuntimeService();
            ProcessDefinition source = definition(sourceId);
            ProcessDefinition target = targetId == null || targetId.isBlank()
                    ? repository.createProcessDefinitionQuery().processDefinitionKey(source.getKey()).latestVersion()
                            .singleResult()
                    : definition(targetId);
            if (!target.getKey().equals(source.getKey())) {
                throw new InvalidInputException("targetProcessDefinitionId", "is a version of " + target.getKey()
                        + ", not of " + source.getKey());
            }
            if (target.getVersion() <= source.getVersion()) {
                throw new InvalidInputException("targetProcessDefinitionId", "version " + target.getVersion()
                        + " is not newer than version " + source.getVersion());
            }
            List<String> ids = instanceIds == null || instanceIds.isEmpty()
                    ? runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).list().stream()
                            .map(ProcessInstance::getId).toList()
                    : instanceIds;
            MigrationPlan plan;
            try {
                plan = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities()
                        .updateEventTriggers().build();
            } catch (MigrationPlanValidationException e) {
                throw new ModelChangeRefusedException("The migration", List.of(e.getMessage()));
            }
            List<String> refusals = new ArrayList<>();
            var sourceModel = repository.getBpmnModelInstance(source.getId());
            var targetModel = repository.getBpmnModelInstance(target.getId());
            for (String id : ids) {
                ActivityInstance tree = runtime.getActivityInstance(id);
                if (tree == null || !source.getId().equals(tree.getProcessDefinitionId())) {
                    refusals.add("instance " + id + " is not a running instance of version " + source.getVersion());
                    continue;
                }
                for (String waiting : waitingAt(tree)) {
                    var skipped = SkippedDecisions.before(sourceModel, targetModel, waiting);
                    if (!skipped.isEmpty()) {
                        refusals.add("instance " + id + " waits at '" + waiting + "': in version " + target.getVersion()
                                + " it would be past " + String.join(", ", skipped) + ", which it never took");
                    }
                }
            }
            if (!refusals.isEmpty()) {
                throw new ModelChangeRefusedException("The migration", refusals);
            }
            if (!ids.isEmpty()) {
                try {
                    runtime.newMigration(plan).processInstanceIds(ids).execute();
                } catch (MigratingProcessInstanceValidationException e) {
                    throw new ModelChangeRefusedException("The migration", List.of(e.getMessage()));
                }
            }
            return new Migrated(source.getId(), source.getVersion(), target.getId(), target.getVersion(), ids);
        });
    }

    private ProcessDefinition definition(String id) {
        var found = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(id).singleResult();
        if (found == null) {
            throw new NotFoundException("No process definition " + id);
        }
        return found;
    }

    /** The activities an instance waits at: the leaves of its activity tree. */
    private static List<String> waitingAt(ActivityInstance instance) {
        List<String> leaves = new ArrayList<>();
        for (var transition : instance.getChildTransitionInstances()) {
            leaves.add(transition.getActivityId());
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            if (child.getChildActivityInstances().length == 0 && child.getChildTransitionInstances().length == 0) {
                leaves.add(child.getActivityId());
            } else {
                leaves.addAll(waitingAt(child));
            }
        }
        return leaves;
    }
}
