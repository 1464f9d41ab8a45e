package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.gatehouse.GatehouseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * One retention for every process and decision: the models say it, the engine removes a finished instance's history
 * (its decisions and steps with it) once it has passed, in the nightly cleanup window, and a definition an earlier
 * release deployed with less is raised to it with its finished instances.
 */
@GatehouseTest
class HistoryRetentionTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Autowired ProcessEngine engine;
    @Autowired HistoryProperties history;
    @Autowired HistoryRetention retention;

    @Test
    void everyModelKeepsItsHistoryForTheRetention() throws Exception {
        int days = history.retentionDays();
        assertThat(days).as("the default, seven years").isEqualTo(2557);
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn")).toList()) {
                boolean bpmn = file.toString().endsWith(".bpmn");
                List<Element> definitions = elements(file, bpmn ? "process" : "decision").stream()
                        .filter(e -> !bpmn || "true".equals(e.getAttribute("isExecutable"))).toList();
                assertThat(definitions).as(file.toString()).isNotEmpty().allSatisfy(definition -> {
                    String key = definition.getAttribute("id");
                    assertThat(definition.getAttributeNS(bpmn ? "http://camunda.org/schema/1.0/bpmn"
                            : "http://camunda.org/schema/1.0/dmn", "historyTimeToLive")).as(key).isEqualTo(String.valueOf(days));
                    var repository = engine.getRepositoryService();
                    Integer deployed = bpmn
                            ? repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getHistoryTimeToLive()
                            : repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult().getHistoryTimeToLive();
                    assertThat(deployed).as("deployed " + key).isEqualTo(days);
                });
            }
        }
    }

    @Test
    void theEngineCleansHistoryUpByRemovalTimeInTheNightlyWindow() {
        var configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
        assertThat(history.cleanupWindow()).hasToString("01:00-04:00");
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("04:00");
        assertThat(configuration.getHistoryCleanupStrategy())
                .isEqualTo(ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
        assertThat(configuration.getHistoryRemovalTimeStrategy())
                .isEqualTo(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_END);
        assertThat(configuration.getBatchOperationHistoryTimeToLive()).isEqualTo("P2557D");
        // the engine schedules its cleanup at the window's start, or at once when it starts inside the window
        assertThat(engine.getHistoryService().findHistoryCleanupJobs()).isNotEmpty().allSatisfy(job -> assertThat(
                history.cleanupWindow().remainingAt(job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime()))
                .as("due %s", job.getDuedate()).isPositive());
    }

    /** A process that takes a decision and ends at once. */
    @Test
    void aFinishedInstanceAndItsDecisionsAreRemovedOnceTheRetentionHasPassed() {
        String key = deployProbe();
        try {
            HistoricProcessInstance instance = finishedProbe(key);
            Date removal = expectedRemoval(instance);
            assertThat(instance.getRemovalTime()).isEqualTo(removal);
            var historyService = engine.getHistoryService();
            assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(instance.getId()).list())
                    .singleElement().satisfies(decision -> assertThat(decision.getRemovalTime()).isEqualTo(removal));
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list())
                    .hasSize(3).allSatisfy(step -> assertThat(step.getRemovalTime()).isEqualTo(removal));
        } finally {
            undeploy(key);
        }
    }

    /** As an installation upgraded from 365 days finds it at its first start with a retention. */
    @Test
    void aDefinitionKeepingHistoryShorterIsRaisedWithItsFinishedInstances() {
        String key = deployProbe();
        try {
            var repository = engine.getRepositoryService();
            String process = repository.createProcessDefinitionQuery().processDefinitionKey(key).singleResult().getId();
            String decision = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).singleResult().getId();
            TrustedCalls.run(() -> {
                repository.updateProcessDefinitionHistoryTimeToLive(process, 365);
                repository.updateDecisionDefinitionHistoryTimeToLive(decision, 365);
            });
            HistoricProcessInstance before = finishedProbe(key);
            assertThat(before.getRemovalTime()).isEqualTo(removalAfter(before, 365));

            Batch batch = TrustedCalls.run(() -> retention.raiseShorterTimeToLives(engine));
            runBatch(batch);

            assertThat(repository.getProcessDefinition(process).getHistoryTimeToLive()).isEqualTo(history.retentionDays());
            assertThat(repository.getDecisionDefinition(decision).getHistoryTimeToLive()).isEqualTo(history.retentionDays());
            HistoricProcessInstance after = engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceId(before.getId()).singleResult();
            assertThat(after.getRemovalTime()).isEqualTo(expectedRemoval(after));
            assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(before.getId())
                    .singleResult().getRemovalTime()).isEqualTo(expectedRemoval(after));
            assertThat(TrustedCalls.run(() -> retention.raiseShorterTimeToLives(engine))).as("nothing left to raise").isNull();
        } finally {
            undeploy(key);
        }
    }

    private Date expectedRemoval(HistoricProcessInstance instance) {
        return removalAfter(instance, history.retentionDays());
    }

    /** The engine adds calendar days in the server's time zone. */
    private static Date removalAfter(HistoricProcessInstance instance, int days) {
        return Date.from(instance.getEndTime().toInstant().atZone(ZoneId.systemDefault()).plusDays(days).toInstant());
    }

    private String deployProbe() {
        String key = "retention-probe-" + COUNTER.incrementAndGet();
        String days = String.valueOf(history.retentionDays());
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
                  <process id="%1$s" isExecutable="true" camunda:historyTimeToLive="%2$s">
                    <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="decide"/>
                    <businessRuleTask id="decide" camunda:decisionRef="%1$s" camunda:mapDecisionResult="singleEntry" camunda:resultVariable="answer"/>
                    <sequenceFlow id="f2" sourceRef="decide" targetRef="end"/><endEvent id="end"/>
                  </process>
                </definitions>""".formatted(key, days);
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_Probe" name="probe" namespace="t">
                  <decision id="%1$s" name="probe" camunda:historyTimeToLive="%2$s">
                    <variable id="Answer" name="answer" typeRef="string"/>
                    <literalExpression id="Literal"><text>"kept"</text></literalExpression>
                  </decision>
                </definitions>""".formatted(key, days);
        TrustedCalls.run(() -> engine.getRepositoryService().createDeployment().name(key)
                .addString(key + ".bpmn", bpmn).addString(key + ".dmn", dmn).deploy());
        return key;
    }

    private HistoricProcessInstance finishedProbe(String key) {
        String id = TrustedCalls.run(() -> engine.getRuntimeService().startProcessInstanceByKey(key).getId());
        HistoricProcessInstance instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(id).singleResult();
        assertThat(instance.getEndTime()).isNotNull();
        return instance;
    }

    private void undeploy(String key) {
        var repository = engine.getRepositoryService();
        TrustedCalls.run(() -> repository.createDeploymentQuery().deploymentName(key).list()
                .forEach(deployment -> repository.deleteDeployment(deployment.getId(), true)));
    }

    /** Seed, batch and monitor jobs, as the job executor would run them. */
    private void runBatch(Batch batch) {
        ManagementService management = engine.getManagementService();
        for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                batch.getMonitorJobDefinitionId())) {
            for (Job job : management.createJobQuery().jobDefinitionId(definition).list()) {
                management.executeJob(job.getId());
            }
        }
    }

    /** The model's elements of that name, Camunda's extension elements left out. */
    private static List<Element> elements(Path file, String localName) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList nodes = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagNameNS("*", localName);
        return IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i))
                .filter(e -> !e.getNamespaceURI().startsWith("http://camunda.org/")).toList();
    }
}
