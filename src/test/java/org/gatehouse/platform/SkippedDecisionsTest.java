package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** The rule that keeps a migration from carrying an instance past a decision it never took. */
class SkippedDecisionsTest {

    private static final BpmnModelInstance OLD = Bpmn.createExecutableProcess("p").startEvent("start")
            .serviceTask("register").camundaExpression("${true}").userTask("work").endEvent("end").done();

    @Test
    void anApprovalAddedBeforeTheWaitingTaskWouldBeSkipped() {
        BpmnModelInstance withApproval = Bpmn.createExecutableProcess("p").startEvent("start")
                .serviceTask("register").camundaExpression("${true}").userTask("approve").userTask("work").endEvent("end")
                .done();
        assertThat(SkippedDecisions.before(OLD, withApproval, "work")).containsExactly("approve");
    }

    @Test
    void aGatewayOrDecisionAddedBeforeIsSkippedTooButNotOneAfter() {
        BpmnModelInstance withDecision = Bpmn.createExecutableProcess("p").startEvent("start")
                .businessRuleTask("check").camundaDecisionRef("d").exclusiveGateway("ok").condition("yes", "${ok}")
                .userTask("work").endEvent("end").moveToLastGateway().condition("no", "${!ok}").endEvent("refused")
                .done();
        assertThat(SkippedDecisions.before(OLD, withDecision, "work")).containsExactlyInAnyOrder("check", "ok");
        BpmnModelInstance approvalAfter = Bpmn.createExecutableProcess("p").startEvent("start")
                .serviceTask("register").camundaExpression("${true}").userTask("work").userTask("approve").endEvent("end")
                .done();
        assertThat(SkippedDecisions.before(OLD, approvalAfter, "work")).isEmpty();
    }

    @Test
    void theSameModelSkipsNothing() {
        assertThat(SkippedDecisions.before(OLD, OLD, "work")).isEmpty();
        assertThat(SkippedDecisions.before(OLD, OLD, "not-there")).isEmpty();
    }
}
