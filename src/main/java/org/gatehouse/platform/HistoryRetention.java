package org.gatehouse.platform;

import java.lang.reflect.Field;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateDecisionDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateProcessDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

/**
 * The engine keeps every process's and decision's history for the retention ({@link HistoryProperties}), then
 * deletes it. A process instance's history gets its removal time when the instance ends (its end plus its
 * definition's time-to-live, which {@link ModelCheck} holds at the retention or longer; a called process and the
 * decisions it took share their root's), and Camunda's history cleanup deletes what is due each night within the
 * cleanup window, as a job the job executor runs once in a cluster. Nobody shortens it once deployed: a definition's
 * time-to-live is never lowered below the retention, however asked (Cockpit, the REST API, Java), and only
 * {@code camunda-admin} deletes a deployment with its instances and their history ({@code cascade}). A definition
 * that an earlier release deployed with less (365 or 90 days) is raised to the retention at start, and its finished
 * instances' removal times are calculated again, in a batch the job executor runs.
 */
@Component
class HistoryRetention extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryRetention.class);

    private static final Field PROCESS_TIME_TO_LIVE = CommandGuards.field(UpdateProcessDefinitionHistoryTimeToLiveCmd.class,
            "historyTimeToLive", HistoryRetention.class);
    private static final Field DECISION_TIME_TO_LIVE = CommandGuards.field(UpdateDecisionDefinitionHistoryTimeToLiveCmd.class,
            "historyTimeToLive", HistoryRetention.class);
    private static final Field CASCADE = CommandGuards.field(DeleteDeploymentCmd.class, "cascade", HistoryRetention.class);

    private final HistoryProperties history;

    HistoryRetention(HistoryProperties history) {
        this.history = history;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryCleanupStrategy(ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
        configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_END);
        configuration.setHistoryCleanupBatchWindowStartTime(history.cleanupWindow().startText());
        configuration.setHistoryCleanupBatchWindowEndTime(history.cleanupWindow().endText());
        // the engine's own batches (such as the one below) are history too
        configuration.setBatchOperationHistoryTimeToLive("P" + history.retentionDays() + "D");
        CommandGuards.beforeEveryCommand(configuration, () -> new Guard(configuration, history.retentionDays()));
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        TrustedCalls.run(() -> raiseShorterTimeToLives(engine));
    }

    /**
     * Raises every definition that keeps history shorter than the retention to it, and has the removal times of the
     * finished instances of their processes calculated again; answers the batch, or null when nothing was shorter.
     */
    Batch raiseShorterTimeToLives(ProcessEngine engine) {
        int days = history.retentionDays();
        var repository = engine.getRepositoryService();
        Set<String> processes = new TreeSet<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
            if (shorter(definition.getHistoryTimeToLive(), days)) {
                repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
                processes.add(definition.getKey());
            }
        }
        for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
            if (shorter(definition.getHistoryTimeToLive(), days)) {
                // Gatehouse's decisions are taken inside processes: their history goes with their root process's
                repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
            }
        }
        if (processes.isEmpty()) {
            return null;
        }
        var historyService = engine.getHistoryService();
        Batch batch = historyService.setRemovalTimeToHistoricProcessInstances().calculatedRemovalTime()
                .byQuery(historyService.createHistoricProcessInstanceQuery().processDefinitionKeyIn(processes.toArray(String[]::new))
                        .rootProcessInstances().finished())
                .hierarchical().executeAsync();
        LOG.info("History of {} is now kept {} days ({}); batch {} recalculates the removal times of their finished "
                + "instances", processes, days, HistoryProperties.RETENTION, batch.getId());
        return batch;
    }

    private static boolean shorter(Integer timeToLive, int days) {
        return timeToLive == null || timeToLive < days;
    }

    /** Refuses, whoever asks, a time-to-live below the retention; and anyone but an admin a cascading deletion. */
    static final class Guard extends CommandGuards.OutsideCommandGuard {

        private final int days;

        Guard(ProcessEngineConfigurationImpl configuration, int days) {
            super(configuration);
            this.days = days;
        }

        @Override
        void check(Command<?> command, Authentication authentication) {
            Field timeToLive = command instanceof UpdateProcessDefinitionHistoryTimeToLiveCmd ? PROCESS_TIME_TO_LIVE
                    : command instanceof UpdateDecisionDefinitionHistoryTimeToLiveCmd ? DECISION_TIME_TO_LIVE : null;
            if (timeToLive != null) {
                Integer asked = (Integer) ReflectionUtils.getField(timeToLive, command);
                if (shorter(asked, days)) {
                    throw new NotValidException("A history time-to-live of " + asked + " days is refused: Gatehouse "
                            + "keeps history " + days + " days (" + HistoryProperties.RETENTION + ") and no "
                            + "definition may keep it shorter");
                }
            }
            if (command instanceof DeleteDeploymentCmd && (boolean) ReflectionUtils.getField(CASCADE, command)
                    && !CommandGuards.isAdmin(authentication)) {
                throw new AuthorizationException((authentication == null ? "A call without a signed-in user"
                        : "User '" + authentication.getUserId() + "'") + " may not delete a deployment with cascade, "
                        + "which deletes its instances' history before its " + days + " days ("
                        + HistoryProperties.RETENTION + "); delete it without cascade, which keeps the history of "
                        + "its finished instances, or ask camunda-admin");
            }
        }
    }
}
