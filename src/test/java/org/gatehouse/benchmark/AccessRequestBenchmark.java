package org.gatehouse.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.gatehouse.GatehouseTest;
import org.gatehouse.ProcessDriver;
import org.gatehouse.access.AccessRequestDraft;
import org.gatehouse.access.AccessRequestFixtures;
import org.gatehouse.access.AccessRequestProcess;
import org.gatehouse.access.AccessRequestService;
import org.gatehouse.access.AccessRequestStatus;
import org.gatehouse.access.AccessRequestView;
import org.gatehouse.access.AccessRequestWorkflow;
import org.gatehouse.access.PartnerAcceptance;
import org.gatehouse.platform.GatehouseGroups;
import org.gatehouse.platform.HistoryProperties;
import org.gatehouse.platform.TrustedCalls;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How many external access requests per second Gatehouse takes end to end, beside what the same engine, on the same
 * database, in the same run, takes for a bare process with the same wait states and jobs. The ratio (Gatehouse ÷
 * baseline) is the share of the engine's own pace that Gatehouse keeps once its domain work (request records,
 * policy, NDA decision, invitation tokens, notifications, channels, four-eyes authorizations) rides along.
 *
 * <p>Prints figures, asserts none: timings depend on the machine. Tagged {@code benchmark}, so {@code mvn verify}
 * leaves it out; {@code mvn verify -Pbenchmark} runs it on H2 and then on PostgreSQL (README, "Benchmark").
 * {@code -Dbenchmark.requests} (default 200) sets N, {@code -Dbenchmark.warmup} (default 50) the unmeasured requests
 * of each kind run first.
 */
@Tag("benchmark")
@GatehouseTest
class AccessRequestBenchmark {

    static final int REQUESTS = Integer.getInteger("benchmark.requests", 200);
    static final int WARMUP = Integer.getInteger("benchmark.warmup", 50);

    static final String REQUESTER = "alice";
    static final String HOST_ADMIN = "bob";
    static final String PARTNER = "Globex";

    static final String BASELINE_KEY = "benchmark-baseline";
    static final String BASELINE_ACCEPTED = "benchmark-partner-accepted";

    @Autowired ProcessEngine engine;
    @Autowired AccessRequestWorkflow workflow;
    @Autowired AccessRequestService requests;
    @Autowired AccessRequestFixtures fixtures;
    @Autowired HistoryProperties history;

    RuntimeService runtime;
    TaskService tasks;
    ProcessDriver driver;

    /**
     * The shape of one connected request, without Gatehouse: the async continuation of "Send invitation"; then, in an
     * approvals sub-process with a withdrawal boundary, the host's user task beside the partner's answer (accepted,
     * declined or a 14-day timer) joined in parallel; the async "Connect" and "Pin" continuations; and the wait for the
     * end date (timer) or a disconnection (message). Per instance: 3 async jobs run, 2 timers created, 1 user task,
     * 1 message correlated, and it ends waiting at an event-based gateway, as a real request does.
     */
    static BpmnModelInstance baseline(int historyTimeToLive) {
        return Bpmn.createExecutableProcess(BASELINE_KEY)
                .name("Benchmark baseline")
                .camundaHistoryTimeToLive(historyTimeToLive)
                .startEvent("start")
                .serviceTask("send").camundaAsyncBefore().camundaExpression("${true}")
                .subProcess("approvals").embeddedSubProcess()
                    .startEvent("approvalsStart")
                    .parallelGateway("split")
                    .userTask("approve").camundaCandidateGroups("workspace-admins")
                    .parallelGateway("join")
                    .endEvent("bothApproved")
                    .moveToNode("split")
                    .eventBasedGateway().id("partnerAnswer")
                    .intermediateCatchEvent("accepted").message(BASELINE_ACCEPTED)
                    .connectTo("join")
                    .moveToNode("partnerAnswer")
                    .intermediateCatchEvent("declined").message("benchmark-partner-declined")
                    .endEvent("partnerDeclined")
                    .moveToNode("partnerAnswer")
                    .intermediateCatchEvent("linkExpiry").timerWithDuration("P14D")
                    .endEvent("linkExpired")
                    .subProcessDone()
                .serviceTask("connect").camundaAsyncBefore().camundaExpression("${true}")
                .serviceTask("pin").camundaAsyncBefore().camundaExpression("${true}")
                .eventBasedGateway().id("waitForEnd")
                .intermediateCatchEvent("endDate").timerWithDuration("P90D")
                .endEvent("ended")
                .moveToNode("waitForEnd")
                .intermediateCatchEvent("disconnect").message("benchmark-disconnect")
                .endEvent("disconnected")
                .moveToActivity("approvals")
                .boundaryEvent("withdrawn").message("benchmark-withdrawn")
                .endEvent("withdrawnEnd")
                .done();
    }

    @Test
    void gatehouseRequestsPerSecondBesideABareProcessWithTheSameWaitStates() {
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        driver = fixtures.driver();
        RepositoryService repository = engine.getRepositoryService();
        String deployment = repository.createDeployment().name(BASELINE_KEY)
                .addModelInstance(BASELINE_KEY + ".bpmn", baseline(history.retentionDays())).deploy().getId();
        String grant = grantWorkspaceAdminsRead();
        try {
            for (int i = 0; i < WARMUP; i++) {
                gatehouseRequest();
                baselineRequest();
            }
            // ABBA: each kind runs half its requests early and half late, so that what drifts during the run (the
            // database filling up, the JIT, the collector) weighs on both alike
            int firstHalf = REQUESTS / 2;
            int secondHalf = REQUESTS - firstHalf;
            List<String> measured = new ArrayList<>();
            long baselineNanos = timeBaseline(firstHalf);
            long gatehouseNanos = timeGatehouse(firstHalf, measured);
            gatehouseNanos += timeGatehouse(secondHalf, measured);
            baselineNanos += timeBaseline(secondHalf);

            assertThat(measured).hasSize(REQUESTS)
                    .allSatisfy(id -> assertThat(requests.get(id).status()).isEqualTo(AccessRequestStatus.CONNECTED));
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(BASELINE_KEY)
                    .activityIdIn("waitForEnd").count()).isEqualTo(WARMUP + REQUESTS);
            report(Figures.perSecond(REQUESTS, gatehouseNanos), Figures.perSecond(REQUESTS, baselineNanos));
        } finally {
            // the shared context's other tests see only the processes and grants Gatehouse sets up
            engine.getAuthorizationService().deleteAuthorization(grant);
            TrustedCalls.run(() -> repository.deleteDeployment(deployment, true, true));
        }
    }

    /** The grant AuthorizationSetup gives workspace admins on external-access-request, on the baseline's definition. */
    private String grantWorkspaceAdminsRead() {
        AuthorizationService authorizations = engine.getAuthorizationService();
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(GatehouseGroups.WORKSPACE_ADMINS);
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId(BASELINE_KEY);
        grant.addPermission(ProcessDefinitionPermissions.READ);
        return authorizations.saveAuthorization(grant).getId();
    }

    private long timeGatehouse(int count, List<String> ids) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            ids.add(gatehouseRequest());
        }
        return System.nanoTime() - start;
    }

    private long timeBaseline(int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            baselineRequest();
        }
        return System.nanoTime() - start;
    }

    /**
     * One request end to end, driven as the API, Tasklist, the partner's link and the job executor would: submitted
     * by a member allowed to share, to a partner with a valid NDA, on a channel of its own; approved by another
     * workspace admin; accepted by the partner with the token of the link the requester sees; then connected.
     */
    private String gatehouseRequest() {
        AccessRequestDraft draft = fixtures.draft(PARTNER, LocalDate.now().plusMonths(3));
        AccessRequestView request = workflow.submit(draft, REQUESTER);
        String instance = instanceOf(request.id());
        driver.runJobs(instance);
        driver.complete(task(instance, "hostAdminApproval"), HOST_ADMIN, Map.of("approved", true, "comment", "Fine"));
        String token = fixtures.token(request);
        workflow.partnerAccepts(token, new PartnerAcceptance("Partner Admin", "admin@globex.example",
                "their-" + draft.channelName()));
        driver.runJobs(instance);
        return request.id();
    }

    /**
     * The same driving through the engine alone, with the same inputs: start, jobs, user task, message, jobs. As
     * Gatehouse's own path it is a trusted call, like the workflow it is measured against.
     */
    private void baselineRequest() {
        AccessRequestDraft draft = fixtures.draft(PARTNER, LocalDate.now().plusMonths(3));
        String businessKey = UUID.randomUUID().toString();
        TrustedCalls.run(() -> {
            String instance = runtime.startProcessInstanceByKey(BASELINE_KEY, businessKey, startVariables(draft)).getId();
            driver.runJobs(instance);
            driver.complete(task(instance, "approve"), HOST_ADMIN, Map.of("approved", true, "comment", "Fine"));
            runtime.createMessageCorrelation(BASELINE_ACCEPTED).processInstanceBusinessKey(businessKey)
                    .setVariables(Map.ofEntries(AccessRequestProcess.PARTNER_APPROVER.entry("admin@globex.example"),
                            AccessRequestProcess.PARTNER_CHANNEL_NAME.entry("their-" + draft.channelName())))
                    .correlateWithResult();
            driver.runJobs(instance);
        });
    }

    /** What AccessRequestWorkflow.submit hands the engine, so that both processes start with the same variables. */
    private static Map<String, Object> startVariables(AccessRequestDraft draft) {
        Map<String, Object> variables = new HashMap<>();
        AccessRequestProcess.WORKSPACE.putIn(variables, draft.workspace());
        AccessRequestProcess.CHANNEL_NAME.putIn(variables, draft.channelName());
        AccessRequestProcess.PARTNER_ORGANISATION.putIn(variables, draft.partnerOrganisation());
        AccessRequestProcess.PARTNER_CONTACT_NAME.putIn(variables, draft.partnerContactName());
        AccessRequestProcess.PARTNER_CONTACT_EMAIL.putIn(variables, draft.partnerContactEmail());
        AccessRequestProcess.PROJECT_NAME.putIn(variables, draft.projectName());
        AccessRequestProcess.END_DATE.putIn(variables, draft.endDate());
        AccessRequestProcess.PURPOSE.putIn(variables, draft.purpose());
        AccessRequestProcess.REQUESTER.putIn(variables, REQUESTER);
        return variables;
    }

    private String instanceOf(String businessKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
    }

    private Task task(String instance, String taskKey) {
        return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult();
    }

    private static void report(double gatehouse, double baseline) {
        Figures.print(String.format(Locale.ROOT,
                "benchmark %s: gatehouse %.1f req/s (%.1f ms/request), baseline %.1f req/s (%.1f ms/request), ratio %.2f (N=%d, warm-up %d)",
                Figures.database(), gatehouse, 1000 / gatehouse, baseline, 1000 / baseline, gatehouse / baseline, REQUESTS,
                WARMUP));
    }
}
