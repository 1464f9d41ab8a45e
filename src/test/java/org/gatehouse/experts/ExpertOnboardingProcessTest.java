package org.gatehouse.experts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gatehouse.EngineTest;
import org.gatehouse.ProcessDriver;
import org.gatehouse.channels.LocalChannelGateway;
import org.gatehouse.channels.OutboxMessages;
import org.gatehouse.directory.Person;
import org.gatehouse.directory.PersonService;
import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.InvalidInputException;
import org.gatehouse.platform.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path of {@code expert-onboarding}, with the real directory, the local chat platform and the engine clock. */
class ExpertOnboardingProcessTest extends EngineTest {

    @Autowired ExpertOnboardingWorkflow workflow;
    @Autowired ExpertInvitationService invitations;
    @Autowired PersonService people;
    @Autowired LocalChannelGateway platform;
    @Autowired OutboxMessages outbox;
    @Autowired ExpertFixtures experts;
    @Autowired JdbcClient jdbc;

    @Test
    void anEmployeeAcceptsThroughTheLinkAndBecomesAnExpert() {
        String invitee = experts.newEmployee();
        ExpertInvitationView invitation = workflow.invite(invitee, "admin");
        assertThat(invitation.status()).isEqualTo("PENDING");
        assertThat(invitation.invitedBy()).isEqualTo("admin");
        ProcessInstance pi = driver.instance(invitation.id());
        assertThat(Duration.between(invitation.createdAt(), invitation.expiresAt())).as("the model's invitationValidFor")
                .isEqualTo(driver.inputDuration(pi.getProcessDefinitionId(), "Activity_RegisterInvitation",
                        "invitationValidFor"));
        assertThat(pi).hasPassed("StartEvent_ExpertNamed", "Activity_RegisterInvitation").isWaitingAt("Activity_SendInvitation");
        assertThat(pi).variables().containsEntry("personId", invitee).containsEntry("invitedBy", "admin")
                .containsEntry("inviteeName", people.get(invitee).name());

        driver.runJobs(pi.getId());
        assertThat(pi).isWaitingAt("acceptInvitation").task().isAssignedTo(invitee)
                .hasDueDate((Date) runtime.getVariable(pi.getId(), "invitationExpiresAt"));
        String token = experts.token(invitee);
        assertThat(outbox.to(invitee)).last().satisfies(d -> assertThat(d.body()).contains("Ada Admin invites you")
                .contains("/expert-invitations/" + token));
        assertThat(jdbc.sql("select count(*) from expert_invitation where token_hash like ?").param("%" + token + "%")
                .query(Integer.class).single()).as("only the token's hash is stored").isZero();
        assertThat(workflow.invitation(token).invitee()).isEqualTo(people.get(invitee).name());
        assertThat(experts.isExpert(invitee)).isFalse();

        workflow.acceptByLink(token);
        assertThat(pi).hasPassed("Event_AcceptedByLink", "Gateway_Onboard", "Activity_GrantExpertRole", "EndEvent_Onboarded")
                .isEnded();
        assertThat(experts.isExpert(invitee)).isTrue();
        assertThat(people.groupsOf(people.get(invitee))).contains("experts", "requesters");
        ExpertInvitationView accepted = invitations.view(invitation.id(), "admin");
        assertThat(accepted.status()).isEqualTo("ACCEPTED");
        assertThat(accepted.answeredVia()).isEqualTo("LINK");
        assertThatThrownBy(() -> workflow.acceptByLink(token)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already been used");
    }

    @Test
    void anEmployeeAcceptsInTasklist() {
        String invitee = experts.newEmployee();
        ProcessInstance pi = invited(invitee, "admin");
        String token = experts.token(invitee);

        driver.complete(task("acceptInvitation", pi), invitee, Map.of("accepted", true));
        assertThat(pi).hasPassed("acceptInvitation", "Gateway_Accepted", "Gateway_Onboard", "Activity_GrantExpertRole",
                "EndEvent_Onboarded").isEnded();
        assertThat(experts.isExpert(invitee)).isTrue();
        assertThat(invitations.view(pi.getBusinessKey(), invitee).answeredVia()).isEqualTo("TASKLIST");
        assertThatThrownBy(() -> workflow.invitation(token)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("accepted");
    }

    @Test
    void aDeclineInTasklistChangesNothing() {
        String invitee = experts.newEmployee();
        Set<String> groups = people.groupsOf(people.get(invitee));
        ProcessInstance pi = invited(invitee, "admin");

        driver.complete(task("acceptInvitation", pi), invitee, Map.of("accepted", false, "declineReason", "Not this year"));
        assertThat(pi).hasPassed("Gateway_Accepted", "Gateway_Declined", "EndEvent_Declined")
                .hasNotPassed("Activity_GrantExpertRole").isEnded();
        assertThat(people.groupsOf(people.get(invitee))).isEqualTo(groups);
        assertThat(experts.isExpert(invitee)).isFalse();
        ExpertInvitationView declined = invitations.view(pi.getBusinessKey(), "admin");
        assertThat(declined.status()).isEqualTo("DECLINED");
        assertThat(declined.declineReason()).isEqualTo("Not this year");
        assertThat(declined.answeredVia()).isEqualTo("TASKLIST");
    }

    @Test
    void aDeclineThroughTheLinkChangesNothing() {
        String inviter = experts.newExpert();
        String invitee = experts.newEmployee();
        ProcessInstance pi = invited(invitee, inviter);
        String token = experts.token(invitee);

        workflow.declineByLink(token, "Too busy");
        assertThat(pi).hasPassed("Event_DeclinedByLink", "Gateway_Declined", "EndEvent_Declined").isEnded();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(experts.isExpert(invitee)).isFalse();
        ExpertInvitationView declined = invitations.view(pi.getBusinessKey(), inviter);
        assertThat(declined.status()).isEqualTo("DECLINED");
        assertThat(declined.answeredVia()).isEqualTo("LINK");
        assertThat(declined.declineReason()).isEqualTo("Too busy");
        assertThatThrownBy(() -> workflow.acceptByLink(token)).isInstanceOf(ConflictException.class);
    }

    @Test
    void theInviteeIsRemindedAfterThreeDaysAndThenAccepts() {
        String invitee = experts.newEmployee();
        ProcessInstance pi = invited(invitee, "admin");
        String token = experts.token(invitee);

        driver.fireTimer(pi.getId(), "Event_Reminder");
        assertThat(pi).hasPassed("Event_Reminder", "Activity_RemindInvitee", "EndEvent_Reminded").isWaitingAt("acceptInvitation");
        assertThat(outbox.to(invitee)).last().satisfies(d -> assertThat(d.body()).startsWith("Reminder")
                .contains("/expert-invitations/" + token));
        assertThat(invitations.view(pi.getBusinessKey(), "admin").remindedAt()).isNotNull();

        workflow.acceptByLink(token);
        assertThat(pi).hasPassed("EndEvent_Onboarded").isEnded();
        assertThat(experts.isExpert(invitee)).isTrue();
    }

    @Test
    void anUnansweredInvitationExpiresWhenTheModelSaysAndChangesNothing() {
        String invitee = experts.newEmployee();
        Set<String> groups = people.groupsOf(people.get(invitee));
        ProcessInstance pi = invited(invitee, "admin");
        String token = experts.token(invitee);

        driver.fireTimer(pi.getId(), "Event_InvitationExpires");
        assertThat(pi).hasPassed("Event_InvitationExpires", "EndEvent_Expired").hasNotPassed("Activity_GrantExpertRole").isEnded();
        assertThat(invitations.view(pi.getBusinessKey(), "admin").status()).isEqualTo("EXPIRED");
        assertThat(people.groupsOf(people.get(invitee))).isEqualTo(groups);
        assertThatThrownBy(() -> workflow.acceptByLink(token)).isInstanceOf(ConflictException.class);

        ProcessDriver.resetClock();
        assertThat(workflow.invite(invitee, "admin").status()).as("a new invitation after the expired one").isEqualTo("PENDING");
    }

    @Test
    void badInputStartsNothing() {
        String inactive = experts.newEmployee();
        people.setStatus(inactive, Person.Status.INACTIVE);
        String expert = experts.newExpert();
        String invitee = experts.newEmployee();
        long started = startedInstances();
        long recorded = jdbc.sql("select count(*) from expert_invitation").query(Long.class).single();

        assertRefused(() -> workflow.invite(inactive, "admin"), ConflictException.class, "inactive");
        assertRefused(() -> workflow.invite(expert, expert), InvalidInputException.class, "Nobody invites themselves");
        assertRefused(() -> workflow.invite("admin", "admin"), InvalidInputException.class, "Nobody invites themselves");
        assertRefused(() -> workflow.invite(expert, "admin"), ConflictException.class, "already an expert");
        assertRefused(() -> workflow.invite("no-such-person", "admin"), InvalidInputException.class, "no employee");
        assertRefused(() -> workflow.invite(" ", "admin"), InvalidInputException.class, "Name the employee");
        assertThatThrownBy(() -> workflow.invite(invitee, "alice")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> workflow.invitation("made-up-token")).isInstanceOf(NotFoundException.class);
        assertThat(startedInstances()).isEqualTo(started);
        assertThat(jdbc.sql("select count(*) from expert_invitation").query(Long.class).single()).isEqualTo(recorded);

        workflow.invite(invitee, "admin");
        assertRefused(() -> workflow.invite(invitee, expert), ConflictException.class, "pending invitation");
        assertThat(startedInstances()).isEqualTo(started + 1);
    }

    private ProcessInstance invited(String invitee, String inviter) {
        ProcessInstance pi = driver.instance(workflow.invite(invitee, inviter).id());
        driver.runJobs(pi.getId());
        assertThat(pi).isWaitingAt("acceptInvitation");
        return pi;
    }

    private long startedInstances() {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(ExpertOnboardingProcess.KEY).count();
    }

    private static void assertRefused(Runnable call, Class<? extends InvalidInputException> type, String message) {
        assertThatThrownBy(call::run).isInstanceOf(type).hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("personId"));
    }
}
