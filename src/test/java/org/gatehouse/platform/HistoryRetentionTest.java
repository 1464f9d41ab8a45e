package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.gatehouse.HttpTest;
import org.gatehouse.access.AccessRequestProcess;
import org.gatehouse.access.AccessRequestView;
import org.gatehouse.access.NdaAssuranceProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * One retention for every process and decision: the models say it, the engine removes a finished instance's history
 * (what it called, its decisions and steps with it) once it has passed, in the nightly cleanup window, and a
 * definition an earlier release deployed with less is raised to it with its finished instances.
 */
class HistoryRetentionTest extends HttpTest {

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

    /** A request withdrawn after its NDA check: its history, the NDA's sub-process and decision with it. */
    @Test
    void aFinishedInstanceAndWhatItCalledAreRemovedOnceTheRetentionHasPassed() {
        HistoricProcessInstance request = withdrawnRequest();
        Date removal = removalAfter(request, history.retentionDays());
        assertThat(request.getRemovalTime()).isEqualTo(removal);
        assertRemovedWith(request, removal);
    }

    /** As an installation upgraded from 365 days finds it at its first start with a retention. */
    @Test
    void aDefinitionKeepingHistoryShorterIsRaisedWithItsFinishedInstances() {
        var repository = engine.getRepositoryService();
        List<String> processes = Stream.of(AccessRequestProcess.KEY, NdaAssuranceProcess.KEY).map(key -> repository
                .createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getId()).toList();
        String decision = repository.createDecisionDefinitionQuery().decisionDefinitionKey("nda-check").latestVersion()
                .singleResult().getId();
        try {
            TrustedCalls.run(() -> {
                processes.forEach(process -> repository.updateProcessDefinitionHistoryTimeToLive(process, 365));
                repository.updateDecisionDefinitionHistoryTimeToLive(decision, 365);
            });
            HistoricProcessInstance before = withdrawnRequest();
            assertThat(before.getRemovalTime()).isEqualTo(removalAfter(before, 365));

            runBatch(TrustedCalls.run(() -> retention.raiseShorterTimeToLives(engine)));

            processes.forEach(process -> assertThat(repository.getProcessDefinition(process).getHistoryTimeToLive())
                    .isEqualTo(history.retentionDays()));
            assertThat(repository.getDecisionDefinition(decision).getHistoryTimeToLive()).isEqualTo(history.retentionDays());
            HistoricProcessInstance after = engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceId(before.getId()).singleResult();
            assertThat(after.getRemovalTime()).isEqualTo(removalAfter(after, history.retentionDays()));
            assertRemovedWith(after, after.getRemovalTime());
            assertThat(TrustedCalls.run(() -> retention.raiseShorterTimeToLives(engine))).as("nothing left to raise").isNull();
        } finally {
            TrustedCalls.run(() -> {
                processes.forEach(process -> repository.updateProcessDefinitionHistoryTimeToLive(process, history.retentionDays()));
                repository.updateDecisionDefinitionHistoryTimeToLive(decision, history.retentionDays());
            });
        }
    }

    /** The engine adds calendar days in the server's time zone. */
    private static Date removalAfter(HistoricProcessInstance instance, int days) {
        return Date.from(instance.getEndTime().toInstant().atZone(ZoneId.systemDefault()).plusDays(days).toInstant());
    }

    /** Everything the request's instance called, the decisions taken in them and their steps go at the same time. */
    private void assertRemovedWith(HistoricProcessInstance request, Date removal) {
        var historyService = engine.getHistoryService();
        List<HistoricProcessInstance> hierarchy = historyService.createHistoricProcessInstanceQuery()
                .rootProcessInstanceId(request.getId()).list();
        assertThat(hierarchy).extracting(HistoricProcessInstance::getProcessDefinitionKey)
                .contains(AccessRequestProcess.KEY, NdaAssuranceProcess.KEY);
        List<HistoricDecisionInstance> decisions = new ArrayList<>();
        for (HistoricProcessInstance instance : hierarchy) {
            assertThat(instance.getRemovalTime()).as(instance.getProcessDefinitionKey()).isEqualTo(removal);
            decisions.addAll(historyService.createHistoricDecisionInstanceQuery().processInstanceId(instance.getId()).list());
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list())
                    .isNotEmpty().allSatisfy(step -> assertThat(step.getRemovalTime()).isEqualTo(removal));
        }
        assertThat(decisions).extracting(HistoricDecisionInstance::getDecisionDefinitionKey).contains("nda-check");
        assertThat(decisions).allSatisfy(decision -> assertThat(decision.getRemovalTime()).isEqualTo(removal));
    }

    private HistoricProcessInstance withdrawnRequest() {
        AccessRequestView request = fixtures.submit("alice", "Globex", LocalDate.now().plusMonths(2));
        String id = fixtures.instance(request).getId();
        driver.runJobs(id);
        fixtures.workflow().withdraw(request.id(), "alice");
        driver.runJobs(id);
        HistoricProcessInstance instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(id).singleResult();
        assertThat(instance.getEndTime()).as("the withdrawn request's instance has ended").isNotNull();
        return instance;
    }

    /** Seed, batch and monitor jobs, as the job executor would run them. */
    private void runBatch(Batch batch) {
        ManagementService management = engine.getManagementService();
        for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                batch.getMonitorJobDefinitionId())) {
            // a seed job makes its batch's jobs a share at a time, and comes back until all are made
            for (List<Job> jobs = management.createJobQuery().jobDefinitionId(definition).list(); !jobs.isEmpty();
                    jobs = management.createJobQuery().jobDefinitionId(definition).list()) {
                jobs.forEach(job -> management.executeJob(job.getId()));
                if (definition.equals(batch.getMonitorJobDefinitionId())) {
                    break;
                }
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
