package org.gatehouse.experts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gatehouse.EngineTest;
import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.TrustedCalls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Defence in depth for {@code expert-onboarding}: the invitee's answer is recorded only by the link or by the invitee's
 * own task, so no engine-level change grants the role, declines or expires an invitation out of order.
 */
class ExpertInvitationDefenceTest extends EngineTest {

    @Autowired ExpertOnboardingWorkflow workflow;
    @Autowired ExpertInvitationService invitations;
    @Autowired ExpertFixtures experts;

    @Test
    void skippingTheInviteesAnswerGrantsNothing() {
        String invitee = experts.newEmployee();
        ProcessInstance pi = invited(invitee);

        assertThatThrownBy(() -> driver.as("admin", () -> {
            runtime.createProcessInstanceModification(pi.getId()).cancelAllForActivity("acceptInvitation")
                    .startBeforeActivity("Activity_GrantExpertRole").execute(true, true);
        })).satisfies(e -> refused(e, "the invitee's answer ACCEPTED is not recorded"));
        assertThatThrownBy(() -> driver.as("admin", () -> runtime.createMessageCorrelation(ExpertOnboardingProcess.MSG_ACCEPTED)
                .processInstanceBusinessKey(pi.getBusinessKey()).correlateWithResult()))
                .as("the link's message without the link").satisfies(e -> refused(e, "is not recorded"));
        assertThatThrownBy(() -> driver.as("admin", () -> {
            runtime.createProcessInstanceModification(pi.getId()).cancelAllForActivity("acceptInvitation")
                    .startBeforeActivity("EndEvent_Declined").execute();
        })).as("a refusal the invitee did not give").satisfies(e -> refused(e, "DECLINED is not recorded"));

        assertPending(pi, invitee);
    }

    @Test
    void aSecondInstanceWithAnInvitationsIdGrantsNothing() {
        String invitee = experts.newEmployee();
        ProcessInstance pi = invited(invitee);

        assertThatThrownBy(() -> driver.as("admin", () -> runtime.createProcessInstanceByKey(ExpertOnboardingProcess.KEY)
                .businessKey(pi.getBusinessKey()).setVariable("accepted", true)
                .startBeforeActivity("Activity_GrantExpertRole").execute(true, true)))
                .satisfies(e -> refused(e, "belongs to another process instance"));

        assertPending(pi, invitee);
    }

    @Test
    void onlyTheInviteeAnswersInTasklist() {
        String invitee = experts.newEmployee();
        ProcessInstance pi = invited(invitee);

        // the inviter is kept off the task by the engine's four eyes
        assertThatThrownBy(() -> driver.complete(task("acceptInvitation", pi), "admin", Map.of("accepted", true)))
                .isInstanceOf(AuthorizationException.class);
        // past the engine's checks, the domain still takes the answer from the invitee alone
        assertThatThrownBy(() -> TrustedCalls.run(() -> driver.complete(task("acceptInvitation", pi), "hana",
                Map.of("accepted", true)))).hasRootCauseInstanceOf(ForbiddenException.class)
                .hasMessageContaining("Only " + invitee);

        assertPending(pi, invitee);
        driver.complete(task("acceptInvitation", pi), invitee, Map.of("accepted", true));
        assertThat(experts.isExpert(invitee)).isTrue();
    }

    @Test
    void anExpiryBeforeItsTimeChangesNothing() {
        String invitee = experts.newEmployee();
        ProcessInstance pi = invited(invitee);
        assertThatThrownBy(() -> driver.executeJob("admin", pi.getId(), "Event_InvitationExpires"))
                .satisfies(e -> refused(e, "it runs until"));

        assertPending(pi, invitee);
    }

    private ProcessInstance invited(String invitee) {
        ProcessInstance pi = driver.instance(workflow.invite(invitee, "admin").id());
        driver.runJobs(pi.getId());
        assertThat(pi).isWaitingAt("acceptInvitation");
        return pi;
    }

    private void assertPending(ProcessInstance pi, String invitee) {
        assertThat(invitations.view(pi.getBusinessKey(), "admin").status()).isEqualTo("PENDING");
        assertThat(experts.isExpert(invitee)).isFalse();
        assertThat(pi).isWaitingAt("acceptInvitation");
    }
}
