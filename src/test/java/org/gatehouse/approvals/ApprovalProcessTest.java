package org.gatehouse.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gatehouse.EngineTest;
import org.gatehouse.channels.LocalChannelGateway;
import org.gatehouse.channels.OutboxMessages;
import org.gatehouse.experts.ExpertFixtures;
import org.gatehouse.directory.Person;
import org.gatehouse.directory.PersonService;
import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.InvalidInputException;
import org.gatehouse.platform.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path of {@code approval}, with the real directory, the local chat platform and the engine clock. */
class ApprovalProcessTest extends EngineTest {

    private static final String LINK = "/approvals/";

    @Autowired ApprovalWorkflow workflow;
    @Autowired ApprovalService approvals;
    @Autowired PersonService people;
    @Autowired LocalChannelGateway platform;
    @Autowired OutboxMessages outbox;
    @Autowired ExpertFixtures experts;
    @Autowired JdbcClient jdbc;

    @Test
    void theApproverApprovesInTasklist() {
        String expert = experts.newExpert();
        String approver = experts.newEmployee();
        ApprovalView approval = workflow.request(approver, "Laptop upgrade", "A 32 GB model", "ticket-42", null, expert);
        assertThat(approval.status()).isEqualTo("PENDING");
        assertThat(approval.subjectRef()).isEqualTo("ticket-42");
        ProcessInstance pi = driver.instance(approval.id());
        assertThat(Duration.between(approval.createdAt(), approval.expiresAt())).as("the model's defaultDueIn")
                .isEqualTo(driver.inputDuration(pi.getProcessDefinitionId(), "Activity_RegisterApproval", "defaultDueIn"));
        assertThat(pi).hasPassed("StartEvent_ApprovalAsked", "Activity_RegisterApproval")
                .isWaitingAt("Activity_SendApprovalRequest");
        assertThat(pi).variables().containsEntry("approver", approver).containsEntry("requestedBy", expert)
                .containsEntry("approverName", people.get(approver).name());

        driver.runJobs(pi.getId());
        assertThat(pi).isWaitingAt("approve").task().isAssignedTo(approver)
                .hasDueDate((Date) runtime.getVariable(pi.getId(), "approvalExpiresAt"));
        String token = experts.token(approver, LINK);
        assertThat(outbox.to(approver)).last().satisfies(d -> assertThat(d.body())
                .contains("asks for your approval: Laptop upgrade").contains(LINK + token));
        assertThat(jdbc.sql("select count(*) from approval where token_hash like ?").param("%" + token + "%")
                .query(Integer.class).single()).as("only the token's hash is stored").isZero();

        driver.complete(task("approve", pi), approver, Map.of("approved", true, "approvalComment", "Fine"));
        assertThat(pi).hasPassed("approve", "Gateway_Answered", "Activity_RecordAnswer", "Gateway_Approved", "EndEvent_Approved")
                .hasNotPassed("EndEvent_Rejected").isEnded();
        assertOutputs(pi, "APPROVED", "Fine", approver, "TASKLIST");
        ApprovalView answered = approvals.view(approval.id(), expert);
        assertThat(answered.status()).isEqualTo("APPROVED");
        assertThat(answered.answeredVia()).isEqualTo("TASKLIST");
        assertThat(answered.answeredAt()).isNotNull();
        assertThatThrownBy(() -> workflow.answerByLink(token, true, null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("approved");
    }

    @Test
    void theApproverRejectsInTasklist() {
        String approver = experts.newEmployee();
        ProcessInstance pi = asked(approver, "admin", null);

        driver.complete(task("approve", pi), approver, Map.of("approved", false, "approvalComment", "Not in budget"));
        assertThat(pi).hasPassed("Gateway_Answered", "Activity_RecordAnswer", "EndEvent_Rejected").hasNotPassed("EndEvent_Approved")
                .isEnded();
        assertOutputs(pi, "REJECTED", "Not in budget", approver, "TASKLIST");
        assertThat(approvals.view(pi.getBusinessKey(), "admin").comment()).isEqualTo("Not in budget");
    }

    @Test
    void anImportedEmployeeApprovesByLink() {
        String expert = experts.newExpert();
        String approver = experts.newImportedEmployee();
        ProcessInstance pi = asked(approver, expert, "P1D");
        String token = experts.token(approver, LINK);
        assertThat(workflow.approval(token).subject()).isEqualTo("Budget");

        workflow.answerByLink(token, true, "OK by me");
        assertThat(pi).hasPassed("Event_ApprovedByLink", "Gateway_Answered", "Activity_RecordAnswer", "EndEvent_Approved")
                .isEnded();
        assertOutputs(pi, "APPROVED", "OK by me", approver, "LINK");
        assertThatThrownBy(() -> workflow.answerByLink(token, false, null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already been used");
    }

    @Test
    void theApproverRejectsByLink() {
        String approver = experts.newEmployee();
        ProcessInstance pi = asked(approver, "admin", null);
        String token = experts.token(approver, LINK);

        workflow.answerByLink(token, false, null);
        assertThat(pi).hasPassed("Event_RejectedByLink", "Gateway_Answered", "EndEvent_Rejected").isEnded();
        assertOutputs(pi, "REJECTED", null, approver, "LINK");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void theApproverIsRemindedAfterTwoDaysAndThenAnswers() {
        String approver = experts.newImportedEmployee();
        ProcessInstance pi = asked(approver, "admin", null);
        String token = experts.token(approver, LINK);

        driver.fireTimer(pi.getId(), "Event_Reminder");
        assertThat(pi).hasPassed("Event_Reminder", "Activity_RemindApprover", "EndEvent_Reminded").isWaitingAt("approve");
        assertThat(outbox.to(approver)).as("an imported employee gets the reminder too (C5)").last()
                .satisfies(d -> assertThat(d.body()).startsWith("Reminder").contains(LINK + token));
        assertThat(approvals.view(pi.getBusinessKey(), "admin").remindedAt()).isNotNull();

        driver.complete(task("approve", pi), approver, Map.of("approved", true));
        assertThat(pi).hasPassed("EndEvent_Approved").isEnded();
        assertOutputs(pi, "APPROVED", null, approver, "TASKLIST");
    }

    @Test
    void anUnansweredApprovalExpires() {
        String approver = experts.newEmployee();
        ProcessInstance pi = asked(approver, "admin", "PT12H");
        String token = experts.token(approver, LINK);
        ApprovalView asked = approvals.view(pi.getBusinessKey(), "admin");
        assertThat(Duration.between(asked.createdAt(), asked.expiresAt())).isEqualTo(Duration.ofHours(12));

        driver.fireTimer(pi.getId(), "Event_ApprovalExpires");
        assertThat(pi).hasPassed("Event_ApprovalExpires", "Activity_RecordExpiry", "EndEvent_Expired")
                .hasNotPassed("Activity_RecordAnswer").isEnded();
        assertOutputs(pi, "EXPIRED", null, null, null);
        assertThatThrownBy(() -> workflow.answerByLink(token, true, null)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> workflow.approval(token)).isInstanceOf(ConflictException.class);
    }

    @Test
    void badInputStartsNothing() {
        String inactive = experts.newEmployee();
        people.setStatus(inactive, Person.Status.INACTIVE);
        String expert = experts.newExpert();
        String approver = experts.newEmployee();
        long started = startedInstances();
        long recorded = jdbc.sql("select count(*) from approval").query(Long.class).single();

        assertRefused(() -> ask(inactive, expert, "Budget", null), ConflictException.class, "approver", "inactive");
        assertRefused(() -> ask(expert, expert, "Budget", null), InvalidInputException.class, "approver", "own request");
        assertRefused(() -> ask("no-such-person", expert, "Budget", null), InvalidInputException.class, "approver",
                "no employee");
        assertRefused(() -> ask(" ", expert, "Budget", null), InvalidInputException.class, "approver", "Name the employee");
        assertRefused(() -> ask(approver, expert, " ", null), InvalidInputException.class, "subject", "required");
        assertRefused(() -> ask(approver, expert, "Budget", "soon"), InvalidInputException.class, "dueIn", "ISO-8601");
        Duration longest = driver.inputDuration(driver.latestDefinition(ApprovalProcess.KEY), "Activity_RegisterApproval",
                "maxDueIn");
        assertRefused(() -> ask(approver, expert, "Budget", longest.plusHours(1).toString()), InvalidInputException.class,
                "dueIn", "at most");
        assertRefused(() -> ask(approver, expert, "Budget", "-P1D"), InvalidInputException.class, "dueIn", "positive");
        assertThatThrownBy(() -> ask(approver, "alice", "Budget", null)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> workflow.approval("made-up-token")).isInstanceOf(NotFoundException.class);
        assertThat(startedInstances()).isEqualTo(started);
        assertThat(jdbc.sql("select count(*) from approval").query(Long.class).single()).isEqualTo(recorded);
    }

    @Test
    void nobodyAnswersTheirOwnRequestInTasklist() {
        String approver = experts.newEmployee();
        ProcessInstance pi = asked(approver, "admin", null);

        // four eyes by the platform (ApprovalRules): the engine refuses the asker before the domain's own check
        assertThatThrownBy(() -> driver.complete(task("approve", pi), "admin", Map.of("approved", true)))
                .isInstanceOf(AuthorizationException.class);
        assertThat(pi).isWaitingAt("approve");
        assertThat(approvals.view(pi.getBusinessKey(), "admin").status()).isEqualTo("PENDING");
        driver.complete(task("approve", pi), approver, Map.of("approved", true));
        assertThat(pi).isEnded();
    }

    private ApprovalView ask(String approver, String requestedBy, String subject, String dueIn) {
        return workflow.request(approver, subject, null, null, dueIn, requestedBy);
    }

    private ProcessInstance asked(String approver, String requestedBy, String dueIn) {
        ProcessInstance pi = driver.instance(ask(approver, requestedBy, "Budget", dueIn).id());
        driver.runJobs(pi.getId());
        assertThat(pi).isWaitingAt("approve");
        return pi;
    }

    /** The outputs as history keeps them; the comment is private there (set, with no value) and kept by the approval. */
    private void assertOutputs(ProcessInstance pi, String outcome, String comment, String by, String via) {
        Map<String, Object> outputs = new HashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list()
                .forEach(v -> outputs.put(v.getName(), v.getValue()));
        assertThat(outputs).containsEntry("approvalOutcome", outcome).containsEntry("approvalComment", null)
                .containsEntry("approvedBy", by).containsEntry("answeredVia", via);
        assertThat(approvals.view(pi.getBusinessKey(), "admin").comment()).isEqualTo(comment);
    }

    private long startedInstances() {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(ApprovalProcess.KEY).count();
    }

    private static void assertRefused(Runnable call, Class<? extends InvalidInputException> type, String field,
            String message) {
        assertThatThrownBy(call::run).isInstanceOf(type).hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
    }
}
