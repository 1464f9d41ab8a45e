package org.gatehouse.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gatehouse.EngineTest;
import org.gatehouse.experts.ExpertFixtures;
import org.gatehouse.platform.ForbiddenException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Defence in depth for {@code approval}: an answer is recorded only by the link's token or by the named approver's
 * own task, never by variables a client sends, and only in the approval's own instance; an expiry only once it is due.
 */
class ApprovalDefenceTest extends EngineTest {

    private static final Map<String, Object> FORGED = Map.of("answeredVia", "LINK", "approved", true);

    @Autowired ApprovalWorkflow workflow;
    @Autowired ApprovalService approvals;
    @Autowired ExpertFixtures experts;

    @Test
    void startingAtRecordAnswerWithForgedVariablesAnswersNothing() {
        String colleague = experts.newEmployee();
        ProcessInstance pi = asked(colleague);
        long instances = runtime.createProcessInstanceQuery().processDefinitionKey(ApprovalProcess.KEY).count();

        assertThatThrownBy(() -> driver.as("admin", () -> runtime.createProcessInstanceByKey(ApprovalProcess.KEY)
                .businessKey(pi.getBusinessKey()).setVariables(FORGED).setVariable("approver", colleague)
                .startBeforeActivity("Activity_RecordAnswer").execute(true, true)))
                .satisfies(e -> refused(e, "belongs to another process instance"));
        assertThatThrownBy(() -> driver.as("admin", () -> runtime.createProcessInstanceByKey(ApprovalProcess.KEY)
                .setVariables(FORGED).setVariable("approver", colleague)
                .startBeforeActivity("Activity_RecordAnswer").execute(true, true)))
                .as("an instance of its own has no approval to answer").hasMessageContaining("no approval");

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ApprovalProcess.KEY).count()).isEqualTo(instances);
        assertPending(pi);
    }

    @Test
    void skippingTheApproversTaskWithForgedVariablesAnswersNothing() {
        String colleague = experts.newEmployee();
        ProcessInstance pi = asked(colleague);

        assertThatThrownBy(() -> driver.as("admin", () -> {
            runtime.createProcessInstanceModification(pi.getId()).cancelAllForActivity("approve")
                    .startBeforeActivity("Activity_RecordAnswer").setVariables(FORGED).setVariable("approver", colleague)
                    .execute(true, true);
        })).satisfies(e -> refused(e, "the approver's answer is not recorded"));
        assertThatThrownBy(() -> driver.as("admin", () -> runtime.createMessageCorrelation(ApprovalProcess.MSG_APPROVED)
                .processInstanceBusinessKey(pi.getBusinessKey()).setVariables(FORGED).correlateWithResult()))
                .as("the link's message without the link").satisfies(e -> refused(e, "is not recorded"));

        assertPending(pi);
        driver.complete(task("approve", pi), colleague, Map.of("approved", false));
        assertThat(approvals.view(pi.getBusinessKey(), "admin").status()).isEqualTo("REJECTED");
    }

    @Test
    void onlyTheNamedApproverAnswersInTasklist() {
        String approver = experts.newEmployee();
        ProcessInstance pi = asked(approver);

        assertThatThrownBy(() -> driver.complete(task("approve", pi), "admin", Map.of("approved", true)))
                .hasRootCauseInstanceOf(ForbiddenException.class).hasMessageContaining("Only " + approver + " answers");
        assertThatThrownBy(() -> engine.getTaskService().complete(task("approve", pi).getId(), Map.of("approved", true)))
                .as("nobody signed in").hasRootCauseInstanceOf(ForbiddenException.class);

        assertPending(pi);
    }

    @Test
    void anExpiryBeforeItIsDueChangesNothing() {
        String approver = experts.newEmployee();
        ProcessInstance pi = asked(approver);
        assertThatThrownBy(() -> driver.executeJob("admin", pi.getId(), "Event_ApprovalExpires"))
                .satisfies(e -> refused(e, "it is due at"));

        assertPending(pi);
    }

    @Test
    void aSecondInstanceWithAnApprovalsIdNeitherRegistersNorAsksAgain() {
        String approver = experts.newEmployee();
        ProcessInstance pi = asked(approver);

        assertThatThrownBy(() -> driver.as("admin", () -> runtime.startProcessInstanceByKey(ApprovalProcess.KEY,
                pi.getBusinessKey(), Map.of("approver", approver, "subject", "Again")))).as("its id is taken");
        ProcessInstance second = driver.as("admin", () -> runtime.createProcessInstanceByKey(ApprovalProcess.KEY)
                .businessKey(pi.getBusinessKey()).startBeforeActivity("Activity_SendApprovalRequest").execute());
        assertThat(driver.failUntilIncident(second.getId(), "Activity_SendApprovalRequest").getIncidentMessage())
                .contains("belongs to another process instance");

        assertPending(pi);
    }

    @Test
    void twoAnswersRacingLeaveOneAnswer() throws Exception {
        String approver = experts.newEmployee();
        ProcessInstance pi = asked(approver);
        String token = experts.token(approver, "/approvals/");
        String taskId = task("approve", pi).getId();
        CyclicBarrier start = new CyclicBarrier(2);
        List<Callable<String>> answers = List.of(
                () -> {
                    start.await();
                    workflow.answerByLink(token, true, "by link");
                    return "APPROVED";
                },
                () -> {
                    start.await();
                    driver.as(approver, () -> engine.getTaskService().complete(taskId, Map.of("approved", false)));
                    return "REJECTED";
                });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> won = new ArrayList<>();
        try {
            for (Future<String> answer : pool.invokeAll(answers, 60, TimeUnit.SECONDS)) {
                try {
                    won.add(answer.get());
                } catch (Exception lost) {
                    // the other answer was quicker: its conditional update or its engine step refused this one
                }
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(won).hasSize(1);
        assertThat(approvals.view(pi.getBusinessKey(), "admin").status()).isEqualTo(won.get(0));
        assertThat(pi).isEnded();
    }

    private ProcessInstance asked(String approver) {
        String expert = experts.newExpert();
        ProcessInstance pi = driver.instance(workflow.request(approver, "Budget", null, null, null, expert).id());
        driver.runJobs(pi.getId());
        assertThat(pi).isWaitingAt("approve");
        return pi;
    }

    private void assertPending(ProcessInstance pi) {
        ApprovalView approval = approvals.view(pi.getBusinessKey(), "admin");
        assertThat(approval.status()).isEqualTo("PENDING");
        assertThat(approval.answeredBy()).isNull();
        assertThat(approval.answeredAt()).isNull();
        assertThat(pi).isWaitingAt("approve");
    }
}
