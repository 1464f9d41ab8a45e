package org.gatehouse.access;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gatehouse.FlakyChannelGateway;
import org.gatehouse.EngineTest;
import org.gatehouse.ProcessDriver;
import org.gatehouse.TestSlack;
import org.gatehouse.channels.ChannelService;
import org.gatehouse.channels.ChannelView;
import org.gatehouse.channels.LocalChannelGateway;
import org.gatehouse.channels.OutboxMessages;
import org.gatehouse.legal.NdaRegister;
import org.gatehouse.platform.InvalidInputException;
import org.gatehouse.slack.SlackConnectFixtures;
import org.gatehouse.slack.SlackConnectFixtures.Invitation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code external-access-request}, with the real services, the local chat platform and the engine clock;
 * the paths only Slack takes (Slack Connect's invitation, its confirmation, a bypassed approval, a partner removed in
 * Slack) with the Slack gateway against the tests' Slack, whose events are posted signed to {@code /slack/events}.
 */
class ExternalAccessRequestProcessTest extends EngineTest {

    @Autowired AccessRequestWorkflow workflow;
    @Autowired AccessRequestService requests;
    @Autowired ChannelService channels;
    @Autowired LocalChannelGateway platform;
    @Autowired OutboxMessages outbox;
    @Autowired FlakyChannelGateway gateway;
    @Autowired NdaRegister ndas;
    @Autowired AccessRequestFixtures fixtures;
    @Autowired SlackConnectFixtures slackConnect;

    ManagementService management;

    @BeforeEach
    void services() {
        management = engine.getManagementService();
    }

    @AfterEach
    void healPlatform() {
        gateway.heal();
        gateway.useLocal();
    }

    @Test
    void validNdaAndBothApprovalsConnectTheChannelWhichEndsAtTheEndDate() {
        LocalDate end = LocalDate.now().plusMonths(3);
        AccessRequestView request = submit("alice", "Globex", end);
        ProcessInstance pi = instance(request);
        assertThat(pi).hasPassed("Activity_Register", "Activity_CheckPolicy", "Activity_EnsureNda", "Gateway_NdaValid",
                "Activity_IssueInvitation").isWaitingAt("Activity_SendInvitation");
        assertThat(history.createHistoricProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult())
                .as("the NDA on file was checked in nda-assurance, which ended valid").satisfies(nda ->
                        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(nda.getId())
                                .activityId("EndEvent_NdaValid").count()).isEqualTo(1));
        assertThat(pi).variables().containsEntry("ndaStatus", "VALID").containsEntry("requester", "alice");

        driver.runJobs(pi.getId());
        assertThat(pi).isWaitingAt("hostAdminApproval");
        assertThat(ProcessDriver.dueIn(task("hostAdminApproval", pi))).isEqualTo(Duration.ofDays(3));
        assertThat(task("hostAdminApproval", pi).getPriority()).isEqualTo(60);
        assertThat(status(request)).isEqualTo("AWAITING_APPROVAL");
        String token = outbox.linkToken(request.partnerContactEmail(), "/invite/");
        assertThat(requests.view(request.id(), "alice").inviteUrl()).as("mail carries the link: nobody hands it on").isNull();
        assertThat(outbox.to("alice")).anySatisfy(d -> assertThat(d.body()).doesNotContain(token).contains("Never post"));

        approveBothSides(pi, request, "bob");
        assertThat(pi).hasPassed("Gateway_ApprovalsJoin", "Activity_Connect", "Activity_PinRules").isWaitingAt("Event_EndDate");
        AccessRequestView connected = requests.view(request.id(), "alice");
        assertThat(connected.status()).isEqualTo("CONNECTED");
        assertThat(connected.hostApprover()).isEqualTo("bob");
        ChannelView channel = channels.view(connected.channelId());
        assertThat(channel.shared()).isTrue();
        assertThat(channel.partnerOrganisation()).isEqualTo("Globex");
        assertThat(channel.partnerChannelName()).isEqualTo("their-" + request.channelName());
        assertThat(channel.pinnedNote()).contains("Acme", "Globex", "America/New_York", "Europe/Paris", "👀", "✅");
        assertThat(channel.members()).extracting(m -> m.member()).contains("alice", "admin@globex.example");

        assertThat(timerDue(pi, "Event_EndDate")).as("asked 14 days before the end date").isEqualTo(at(end.minusDays(14)));
        driver.fireTimer(pi.getId(), "Event_EndDate");
        assertThat(pi).isWaitingAt("renewOrEnd").task().isAssignedTo("alice");
        assertThat(task("renewOrEnd", pi).getDueDate()).as("due at the end date").isEqualTo(at(end));
        driver.complete(task("renewOrEnd", pi), "alice", Map.of("renew", false));
        driver.runJobs(pi.getId());
        assertThat(pi).hasPassed("Activity_Disconnect", "EndEvent_Ended").isEnded();
        assertThat(status(request)).isEqualTo("ENDED");
        assertThat(channels.view(connected.channelId()).shared()).isFalse();
    }

    @Test
    void aMemberOutsideTheSharingPolicyIsRefusedWithAReason() {
        AccessRequestView request = workflow.submit(draft("Globex", LocalDate.now().plusMonths(1)), "lena");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(historicId(request))
                .activityId("EndEvent_RefusedByPolicy").count()).isEqualTo(1);
        AccessRequestView refused = requests.view(request.id(), "lena");
        assertThat(refused.status()).isEqualTo("REJECTED");
        assertThat(refused.statusReason()).contains("lena may not share channels").contains("GROUPS");
    }

    @Test
    void aMissingNdaIsObtainedByLegalAndCheckedAgainBeforeTheHostRejects() {
        AccessRequestView request = submit("dave", newPartner(), LocalDate.now().plusMonths(6));
        ProcessInstance pi = instance(request);
        assertThat(pi).isWaitingAt("Activity_EnsureNda");
        ProcessInstance nda = nda(pi);
        assertThat(nda).isWaitingAt("obtainNda").task().hasCandidateGroup("legal");
        assertThat(nda).variables().containsEntry("ndaStatus", "MISSING").containsEntry("projectName", request.projectName());
        assertThat(nda.getBusinessKey()).isEqualTo(request.id());
        assertThat(status(request)).isEqualTo("AWAITING_NDA");

        LocalDate today = LocalDate.now();
        driver.complete(task("obtainNda", nda), "lena", Map.of("ndaSigned", true, "ndaSignedOn", today.toString(),
                "ndaExpiresOn", today.plusYears(2).toString(), "ndaDocumentRef", "NDA-INITECH-" + request.id()));
        assertThat(nda).hasPassed("Activity_RecordNda", "Gateway_NdaLoop", "EndEvent_NdaValid").isEnded();
        assertThat(pi).hasPassed("Activity_EnsureNda").isWaitingAt("Activity_SendInvitation");
        assertThat(pi).variables().containsEntry("ndaStatus", "VALID");
        assertThat(ndas.latest(requests.get(request.id()).partnerId())).hasValueSatisfying(recorded -> assertThat(recorded.recordedBy()).isEqualTo("lena"));

        driver.runJobs(pi.getId());
        driver.complete(task("hostAdminApproval", pi), "carol", Map.of("approved", false, "comment", "Not this quarter"));
        assertThat(pi).hasPassed("EndEvent_HostRejected", "Event_ApprovalRejected", "EndEvent_ApprovalRejected").isEnded();
        AccessRequestView rejected = requests.view(request.id(), "dave");
        assertThat(rejected.status()).isEqualTo("REJECTED");
        assertThat(rejected.statusReason()).isEqualTo("Rejected by carol: Not this quarter");
        assertThat(rejected.inviteUrl()).isNull();
    }

    @Test
    void anExpiredNdaThatLegalDeclinesRejectsTheRequest() {
        AccessRequestView request = submit("alice", "Umbrella", LocalDate.now().plusMonths(2));
        ProcessInstance pi = instance(request);
        ProcessInstance nda = nda(pi);
        assertThat(nda).variables().containsEntry("ndaStatus", "EXPIRED");
        driver.complete(task("obtainNda", nda), "lena", Map.of("ndaSigned", false, "ndaDeclineReason", "Umbrella will not sign"));
        assertThat(nda).hasPassed("EndEvent_NdaDeclined").isEnded();
        assertThat(pi).hasPassed("Gateway_NdaValid", "EndEvent_NdaRefused", "Event_NdaDeclined", "EndEvent_NdaDeclined")
                .hasNotPassed("Activity_IssueInvitation").isEnded();
        AccessRequestView rejected = requests.view(request.id(), "alice");
        assertThat(rejected.status()).isEqualTo("REJECTED");
        assertThat(rejected.statusReason()).isEqualTo("Umbrella will not sign");
    }

    @Test
    void legalIsRemindedAfterThreeDaysAndAdminsAlertedAfterSevenUntilTheRequesterWithdraws() {
        AccessRequestView request = submit("alice", newPartner(), LocalDate.now().plusMonths(2));
        ProcessInstance pi = instance(request);
        ProcessInstance nda = nda(pi);
        assertThat(ProcessDriver.dueIn(task("obtainNda", nda))).as("due when the escalation comes").isEqualTo(Duration.ofDays(7));
        driver.fireTimer(nda.getId(), "Event_NdaReminder");
        assertThat(nda).hasPassed("Activity_RemindLegal", "EndEvent_LegalReminded").isWaitingAt("obtainNda");
        assertThat(outbox.to("lena")).anySatisfy(d -> assertThat(d.body()).contains("Reminder").contains(request.projectName()));

        driver.fireTimer(nda.getId(), "Event_NdaEscalation");
        assertThat(nda).hasPassed("Activity_EscalateNda", "EndEvent_NdaEscalated").isWaitingAt("obtainNda");
        assertThat(outbox.to("carol")).anySatisfy(d -> assertThat(d.body()).contains("Escalation").contains(request.projectName()));

        workflow.withdraw(request.id(), "alice");
        assertThat(pi).hasPassed("Event_Withdrawn", "EndEvent_Withdrawn").isEnded();
        assertThat(nda).as("Legal's task goes with the request").isEnded();
        assertThat(status(request)).isEqualTo("WITHDRAWN");
    }

    @Test
    void workspaceAdminsAreRemindedAfterADayAndAllAlertedAfterThreeUntilOneApproves() {
        AccessRequestView request = submit("alice", "Globex", LocalDate.now().plusMonths(2));
        ProcessInstance pi = invited(request);
        driver.fireTimer(pi.getId(), "Event_HostApprovalReminder");
        assertThat(pi).hasPassed("Activity_RemindHostAdmins", "EndEvent_HostAdminsReminded").isWaitingAt("hostAdminApproval");
        assertThat(outbox.to("bob")).anySatisfy(d -> assertThat(d.body()).contains("Reminder").contains(request.projectName())
                .contains("waiting for a host admin's approval for a day"));

        driver.fireTimer(pi.getId(), "Event_HostApprovalEscalation");
        assertThat(pi).hasPassed("Activity_EscalateHostApproval", "EndEvent_HostApprovalEscalated").isWaitingAt("hostAdminApproval");
        assertThat(task("hostAdminApproval", pi).getDueDate()).as("overdue in Tasklist").isBefore(ClockUtil.getCurrentTime());
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("workspace-admins").list())
                .hasSizeGreaterThan(1).allSatisfy(admin -> assertThat(outbox.to(admin.getId())).anySatisfy(d ->
                        assertThat(d.body()).contains("Escalation").contains(request.projectName()).contains("overdue")));

        approveBothSides(pi, request, "bob");
        assertThat(pi).isWaitingAt("Event_EndDate");
        assertThat(status(request)).isEqualTo("CONNECTED");
    }

    @Test
    void aPartnerDeclineRejectsTheRequestAndCancelsTheHostTask() {
        AccessRequestView request = submit("alice", "Globex", LocalDate.now().plusMonths(1));
        ProcessInstance pi = invited(request);
        workflow.partnerDeclines(token(request), new PartnerDecline("No shared channels with suppliers"));
        assertThat(pi).hasPassed("Event_PartnerDeclined", "EndEvent_PartnerDeclined", "EndEvent_ApprovalRejected")
                .isEnded();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        AccessRequestView rejected = requests.view(request.id(), "alice");
        assertThat(rejected.status()).isEqualTo("REJECTED");
        assertThat(rejected.statusReason()).contains("No shared channels with suppliers");
    }

    @Test
    void anUnansweredInvitationExpiresWhenTheLinkValidityOfTheModelRunsOut() {
        // the engine's clock stands still, so the link is issued at this very moment
        Date issued = new Date(ClockUtil.getCurrentTime().getTime() / 1000 * 1000);
        ClockUtil.setCurrentTime(issued);
        AccessRequestView request = submit("alice", "Globex", LocalDate.now().plusMonths(2));
        ProcessInstance pi = invited(request);
        String token = token(request);
        Duration validFor = driver.inputDuration(pi.getProcessDefinitionId(), "Activity_IssueInvitation", "linkValidFor");
        assertThat(timerDue(pi, "Event_LinkExpiry")).as("linkValidFor of the model after the link was issued")
                .isEqualTo(Date.from(issued.toInstant().plus(validFor)));
        driver.fireTimer(pi.getId(), "Event_LinkExpiry");
        assertThat(pi).hasPassed("EndEvent_LinkExpired", "Event_InvitationExpired", "EndEvent_Expired").isEnded();
        assertThat(status(request)).isEqualTo("EXPIRED");
        assertThatThrownBy(() -> workflow.invitation(token)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theRequesterWithdrawsWhileApprovalsArePending() {
        AccessRequestView request = submit("dave", "Globex", LocalDate.now().plusMonths(2));
        ProcessInstance pi = invited(request);
        workflow.withdraw(request.id(), "dave");
        assertThat(pi).hasPassed("Event_Withdrawn", "EndEvent_Withdrawn").isEnded();
        assertThat(status(request)).isEqualTo("WITHDRAWN");
    }

    @Test
    void anAdminDisconnectsEarly() {
        ProcessInstance pi = connected("alice", "Globex", LocalDate.now().plusMonths(4));
        String id = pi.getBusinessKey();
        workflow.disconnect(id, "carol");
        driver.runJobs(pi.getId());
        assertThat(pi).hasPassed("StartEvent_DisconnectRequested", "Activity_DisconnectEarly", "EndEvent_DisconnectedEarly")
                .isEnded();
        assertThat(requests.get(id).status()).isEqualTo(AccessRequestStatus.ENDED);
    }

    @Test
    void aRenewalChecksTheNdaAgainAndAnAdminCanStillDisconnectWhileTheRequesterDecides() {
        LocalDate end = LocalDate.now().plusMonths(2);
        ProcessInstance pi = connected("alice", "Globex", end);
        driver.fireTimer(pi.getId(), "Event_EndDate");
        driver.complete(task("renewOrEnd", pi), "alice", Map.of("renew", true, "newEndDate", end.plusMonths(3).toString()));
        assertThat(pi).hasPassed("Activity_Renew", "Activity_EnsureRenewalNda", "Gateway_RenewalNdaValid", "Gateway_Connected")
                .isWaitingAt("Event_EndDate");
        assertThat(timerDue(pi, "Event_EndDate")).as("asked again 14 days before the new end date")
                .isEqualTo(at(end.plusMonths(3).minusDays(14)));
        assertThat(requests.get(pi.getBusinessKey()).endDate()).isEqualTo(end.plusMonths(3));
        assertThat(requests.get(pi.getBusinessKey()).status()).isEqualTo(AccessRequestStatus.CONNECTED);

        driver.fireTimer(pi.getId(), "Event_EndDate");
        workflow.disconnect(pi.getBusinessKey(), "admin");
        driver.runJobs(pi.getId());
        assertThat(pi).hasPassed("StartEvent_DisconnectRequested", "EndEvent_DisconnectedEarly").isEnded();
    }

    @Test
    void aRenewalBeyondTheNdaGoesToLegalWhoseRefusalEndsTheCollaboration() {
        String partner = newPartner();
        LocalDate end = LocalDate.now().plusMonths(2);
        AccessRequestView request = submit("alice", partner, end);
        ProcessInstance pi = instance(request);
        recordNda(pi, end.plusMonths(1));
        driver.runJobs(pi.getId());
        approveBothSides(pi, request, "carol");

        driver.fireTimer(pi.getId(), "Event_EndDate");
        driver.complete(task("renewOrEnd", pi), "alice", Map.of("renew", true, "newEndDate", end.plusYears(1).toString()));
        assertThat(pi).isWaitingAt("Activity_EnsureRenewalNda");
        ProcessInstance nda = nda(pi);
        assertThat(nda).isWaitingAt("obtainNda").variables().containsEntry("ndaStatus", "ENDS_BEFORE_PROJECT");
        assertThat(status(request)).as("the channel stays shared while Legal works").isEqualTo("CONNECTED");
        assertThat(requests.view(request.id(), "alice").timeline()).anySatisfy(event ->
                assertThat(event.action()).isEqualTo("NDA_REQUESTED"));

        driver.complete(task("obtainNda", nda), "lena", Map.of("ndaSigned", false, "ndaDeclineReason", "No extension"));
        driver.runJobs(pi.getId());
        assertThat(pi).hasPassed("Gateway_RenewalNdaValid", "Gateway_Disconnect", "Activity_Disconnect").isEnded();
        assertThat(status(request)).isEqualTo("ENDED");
    }

    @Test
    void anAdminDisconnectsWhileARenewalWaitsForLegal() {
        LocalDate end = LocalDate.now().plusMonths(2);
        AccessRequestView request = submit("alice", newPartner(), end);
        ProcessInstance pi = instance(request);
        recordNda(pi, end.plusMonths(1));
        driver.runJobs(pi.getId());
        approveBothSides(pi, request, "carol");
        driver.fireTimer(pi.getId(), "Event_EndDate");
        driver.complete(task("renewOrEnd", pi), "alice", Map.of("renew", true, "newEndDate", end.plusYears(1).toString()));
        ProcessInstance nda = nda(pi);
        assertThat(nda).isWaitingAt("obtainNda");

        workflow.disconnect(request.id(), "carol");
        driver.runJobs(pi.getId());
        assertThat(pi).hasPassed("StartEvent_DisconnectRequested", "EndEvent_DisconnectedEarly").isEnded();
        assertThat(nda).isEnded();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(request.id()).count()).isZero();
        assertThat(channels.view(requests.get(request.id()).channelId()).shared()).isFalse();
        assertThat(status(request)).isEqualTo("ENDED");
    }

    @Test
    void anAdminDisconnectsBeforeTheHouseRulesArePinned() {
        AccessRequestView request = submit("dave", "Globex", LocalDate.now().plusMonths(2));
        ProcessInstance pi = invited(request);
        driver.complete(task("hostAdminApproval", pi), "bob", Map.of("approved", true));
        workflow.partnerAccepts(token(request), new PartnerAcceptance("Ann", "ann@globex.example", "acme-early"));
        management.executeJob(driver.job(pi.getId(), "Activity_Connect").getId());
        assertThat(pi).isWaitingAt("Activity_PinRules");
        assertThat(status(request)).isEqualTo("CONNECTED");

        workflow.disconnect(request.id(), "admin");
        driver.runJobs(pi.getId());
        assertThat(pi).hasPassed("Activity_DisconnectEarly").hasNotPassed("Activity_PinRules").isEnded();
        assertThat(status(request)).isEqualTo("ENDED");
    }

    @Test
    void anUnansweredRenewalEndsTheCollaborationOnTheEndDate() {
        LocalDate end = LocalDate.now().plusMonths(1);
        ProcessInstance pi = connected("dave", "Globex", end);
        driver.fireTimer(pi.getId(), "Event_EndDate");
        assertThat(timerDue(pi, "Event_NoAnswer")).as("the channel stays shared until the end date").isEqualTo(at(end));
        driver.fireTimer(pi.getId(), "Event_NoAnswer");
        assertThat(pi).hasPassed("Event_NoAnswer", "Activity_Disconnect", "EndEvent_Ended").isEnded();
        assertThat(requests.get(pi.getBusinessKey()).status()).isEqualTo(AccessRequestStatus.ENDED);
        assertThat(channels.view(requests.get(pi.getBusinessKey()).channelId()).shared()).isFalse();
    }

    @Test
    void anEndDateLessThanFourteenDaysAwayAsksForRenewalAtOnce() {
        LocalDate end = LocalDate.now().plusDays(5);
        AccessRequestView request = submit("dave", "Globex", end);
        ProcessInstance pi = instance(request);
        driver.runJobs(pi.getId());
        approveBothSides(pi, request, "bob");
        assertThat(pi).hasPassed("Activity_PinRules", "Event_EndDate").isWaitingAt("renewOrEnd").task().isAssignedTo("dave");
        assertThat(ClockUtil.getCurrentTime()).as("nobody waited").isBefore(at(end.minusDays(4)));
        assertThat(timerDue(pi, "Event_NoAnswer")).isEqualTo(at(end));
    }

    @Test
    void nobodyApprovesARequestTheyRaised() {
        AccessRequestView request = submit("bob", "Globex", LocalDate.now().plusMonths(1));
        ProcessInstance pi = invited(request);
        assertThatThrownBy(() -> driver.complete(task("hostAdminApproval", pi), "bob", Map.of("approved", true)))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("bob");
        assertThatThrownBy(() -> engine.getTaskService().complete(task("hostAdminApproval", pi).getId(), Map.of("approved", true)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("signed-in approver");
        assertThat(pi).isWaitingAt("hostAdminApproval");
        driver.complete(task("hostAdminApproval", pi), "carol", Map.of("approved", true));
        assertThat(requests.get(request.id()).hostApprover()).isEqualTo("carol");
    }

    @Test
    void aPlatformThatFailsTwiceStillConnectsTheChannel() {
        AccessRequestView request = submit("alice", "Globex", LocalDate.now().plusMonths(1));
        ProcessInstance pi = invited(request);
        gateway.failNextConnects(2);
        driver.complete(task("hostAdminApproval", pi), "bob", Map.of("approved", true));
        workflow.partnerAccepts(token(request), new PartnerAcceptance("Ann", "admin@globex.example", "acme-shared"));

        for (int attempt = 1; attempt <= 2; attempt++) {
            String jobId = driver.job(pi.getId(), "Activity_Connect").getId();
            assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("unavailable");
        }
        assertThat(driver.job(pi.getId(), "Activity_Connect").getRetries()).isEqualTo(3);
        assertThat(status(request)).isEqualTo("AWAITING_APPROVAL");
        management.executeJob(driver.job(pi.getId(), "Activity_Connect").getId());
        driver.runJobs(pi.getId());
        assertThat(pi).isWaitingAt("Event_EndDate");
        assertThat(status(request)).isEqualTo("CONNECTED");
    }

    @Test
    void aPlatformThatKeepsFailingLeavesAnIncidentThatARetryClears() {
        AccessRequestView request = submit("alice", "Globex", LocalDate.now().plusMonths(1));
        ProcessInstance pi = invited(request);
        gateway.failNextConnects(Integer.MAX_VALUE);
        driver.complete(task("hostAdminApproval", pi), "bob", Map.of("approved", true));
        workflow.partnerAccepts(token(request), new PartnerAcceptance("Ann", "admin@globex.example", "acme-shared"));

        for (int attempt = 1; attempt <= 5; attempt++) {
            String jobId = driver.job(pi.getId(), "Activity_Connect").getId();
            assertThatThrownBy(() -> management.executeJob(jobId)).isInstanceOf(IllegalStateException.class);
        }
        var incident = runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("Activity_Connect");
        assertThat(requests.get(request.id()).hostApprover()).isEqualTo("bob");
        assertThat(requests.get(request.id()).partnerApproverEmail()).isEqualTo("admin@globex.example");

        gateway.heal();
        String jobId = driver.job(pi.getId(), "Activity_Connect").getId();
        management.setJobRetries(jobId, 1);
        management.executeJob(jobId);
        driver.runJobs(pi.getId());
        assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(status(request)).isEqualTo("CONNECTED");
    }

    @Test
    void badNdaDatesLeaveLegalsTaskOpen() {
        AccessRequestView request = submit("alice", newPartner(), LocalDate.now().plusMonths(1));
        ProcessInstance nda = nda(instance(request));
        LocalDate today = LocalDate.now();
        assertThatThrownBy(() -> driver.complete(task("obtainNda", nda), "lena", Map.of("ndaSigned", true,
                "ndaSignedOn", today.toString(), "ndaExpiresOn", today.minusDays(1).toString(), "ndaDocumentRef", "X")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("expire after");
        assertThatThrownBy(() -> driver.complete(task("obtainNda", nda), "lena", Map.of("ndaSigned", true,
                "ndaSignedOn", "yesterday", "ndaExpiresOn", today.plusYears(1).toString(), "ndaDocumentRef", "X")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be a date");
        assertThat(nda).isWaitingAt("obtainNda");
        assertThat(status(request)).isEqualTo("AWAITING_NDA");
    }

    @Test
    void aRenewalDateBeforeTheCurrentEndLeavesTheTaskOpen() {
        LocalDate end = LocalDate.now().plusMonths(1);
        ProcessInstance pi = connected("alice", "Globex", end);
        driver.fireTimer(pi.getId(), "Event_EndDate");
        assertThatThrownBy(() -> driver.complete(task("renewOrEnd", pi), "alice",
                Map.of("renew", true, "newEndDate", end.minusDays(1).toString())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must lie after");
        assertThat(pi).isWaitingAt("renewOrEnd");
        assertThat(requests.get(pi.getBusinessKey()).endDate()).isEqualTo(end);
    }

    // --- on Slack: Slack Connect's invitation, Gatehouse's approval of it, Slack's confirmation

    @Test
    void onSlackANewChannelIsInvitedToAcceptedApprovedConfirmedPinnedAndEndsWhenSlackReportsItUnshared() {
        Invitation slack = onSlack(false);
        AccessRequestView request = submit("alice", "Globex", LocalDate.now().plusMonths(3));
        ProcessInstance pi = invited(request);
        assertThat(slackConnect.calls("conversations.create")).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("name", request.channelName()));
        assertThat(slackConnect.calls("conversations.inviteShared")).singleElement().satisfies(call -> assertThat(call)
                .containsEntry("channel", slack.channelId()).containsEntry("emails", request.partnerContactEmail()));
        assertThat(outbox.to(request.partnerContactEmail())).as("Slack's invitation replaces Gatehouse's link").isEmpty();
        assertThat(outbox.to("alice")).anySatisfy(d -> assertThat(d.body()).contains("Slack's invitation"));
        assertThat(requests.view(request.id(), "alice").inviteUrl()).isNull();
        assertThat(requests.get(request.id())).satisfies(r -> {
            assertThat(r.inviteId()).isEqualTo(slack.inviteId());
            assertThat(r.channelCreated()).isTrue();
            assertThat(r.status()).isEqualTo(AccessRequestStatus.AWAITING_APPROVAL);
        });

        String admin = partnerAdmin(request);
        slackConnect.accepted(slack, request.channelName(), admin, true);
        assertThat(pi).hasPassed("Event_PartnerAccepted").isWaitingAt("hostAdminApproval");
        assertThat(requests.get(request.id()).partnerApproverEmail()).isEqualTo(admin);

        driver.complete(task("hostAdminApproval", pi), "bob", Map.of("approved", true));
        driver.runJobs(pi.getId());
        assertThat(slackConnect.calls("conversations.approveSharedInvite")).singleElement().satisfies(call -> assertThat(call)
                .containsEntry("invite_id", slack.inviteId()).containsEntry("target_team", SlackConnectFixtures.PARTNER_TEAM));
        assertThat(pi).hasPassed("Activity_Connect", "Gateway_ConfirmedAtOnce").isWaitingAt("Gateway_AwaitConfirmation");
        assertThat(status(request)).as("connected only once Slack confirms").isEqualTo("AWAITING_APPROVAL");

        slackConnect.approved(slack, request.channelName(), admin, SlackConnectFixtures.PARTNER_TEAM);
        assertThat(pi).as("the partner's own approval is not the host's").isWaitingAt("Gateway_AwaitConfirmation");
        slackConnect.approved(slack, request.channelName(), admin, TestSlack.TEAM);
        assertThat(status(request)).isEqualTo("CONNECTED");
        slackConnect.channelShared(slack, SlackConnectFixtures.PARTNER_TEAM);
        driver.runJobs(pi.getId());
        assertThat(pi).hasPassed("Event_ChannelConfirmed", "Gateway_Confirmed", "Activity_PinRules").isWaitingAt("Event_EndDate");
        assertThat(slackConnect.calls("chat.postMessage")).singleElement().satisfies(call -> assertThat(call)
                .containsEntry("channel", slack.channelId()).extractingByKey("text").asString().contains("Acme", "Globex"));
        assertThat(slackConnect.calls("pins.add")).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("channel", slack.channelId()));
        assertThat(slackConnect.calls("conversations.setTopic")).singleElement()
                .satisfies(call -> assertThat(call.get("topic")).contains("Globex"));
        ChannelView channel = channels.view(requests.get(request.id()).channelId());
        assertThat(channel.shared()).isTrue();
        assertThat(channel.partnerChannelName()).as("A6: the name Slack gave with the acceptance").isEqualTo(request.channelName());
        assertThat(channel.members()).extracting(m -> m.member()).contains("alice", admin);

        driver.fireTimer(pi.getId(), "Event_EndDate");
        driver.complete(task("renewOrEnd", pi), "alice", Map.of("renew", false));
        driver.runJobs(pi.getId());
        assertThat(pi).hasPassed("Activity_Disconnect", "Gateway_DisconnectedByPlatform").isWaitingAt("removePartner")
                .task().hasCandidateGroup("workspace-admins");
        assertThat(ProcessDriver.dueIn(task("removePartner", pi))).isEqualTo(Duration.ofDays(1));
        assertThat(task("removePartner", pi).getPriority()).isEqualTo(70);
        assertThat(slackConnect.calls("admin.conversations.disconnectShared")).as("not on Enterprise Grid").isEmpty();
        assertThat(status(request)).isEqualTo("CONNECTED");

        slackConnect.channelUnshared(slack, "T0SOMEONE99");
        assertThat(pi).as("another team left: the partner is still in").isWaitingAt("removePartner");
        slackConnect.channelUnshared(slack, SlackConnectFixtures.PARTNER_TEAM);
        assertThat(pi).hasPassed("Event_PartnerRemoved", "Gateway_Disconnected", "EndEvent_Ended").isEnded();
        assertThat(status(request)).isEqualTo("ENDED");
        assertThat(channels.view(channel.id()).shared()).isFalse();
    }

    @Test
    void onSlackAnApprovalRetriedAfterSlackApprovedItCountsAsDone() {
        Invitation slack = onSlack(false);
        AccessRequestView request = submit("dave", "Globex", LocalDate.now().plusMonths(2));
        ProcessInstance pi = invited(request);
        slackConnect.accepted(slack, request.channelName(), partnerAdmin(request), true);
        // Slack approved, but its answer was lost
        TestSlack.server().stubFor(post(urlPathEqualTo("/api/conversations.approveSharedInvite")).willReturn(serverError()));
        driver.complete(task("hostAdminApproval", pi), "carol", Map.of("approved", true));
        String first = driver.job(pi.getId(), "Activity_Connect").getId();
        assertThatThrownBy(() -> management.executeJob(first)).hasMessageContaining("conversations.approveSharedInvite");

        TestSlack.refuse("conversations.approveSharedInvite", "already_approved");
        management.executeJob(driver.job(pi.getId(), "Activity_Connect").getId());
        assertThat(pi).isWaitingAt("Gateway_AwaitConfirmation");
        slackConnect.channelShared(slack, SlackConnectFixtures.PARTNER_TEAM);
        driver.runJobs(pi.getId());
        assertThat(pi).isWaitingAt("Event_EndDate");
        assertThat(status(request)).isEqualTo("CONNECTED");
    }

    @Test
    void onSlackAnAcceptanceSlackConnectedWithoutApprovalIsABreachThatIsDisconnectedReportedAndRefused() {
        Invitation slack = onSlack(true);
        TestSlack.refuse("conversations.declineSharedInvite", "invalid_action");
        AccessRequestView request = submit("alice", "Globex", LocalDate.now().plusMonths(2));
        ProcessInstance pi = invited(request);

        slackConnect.accepted(slack, request.channelName(), partnerAdmin(request), false);
        slackConnect.channelShared(slack, SlackConnectFixtures.PARTNER_TEAM);
        assertThat(pi).hasPassed("Event_ApprovalBypassed").isWaitingAt("Activity_StopBypass");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count())
                .as("nobody approves what Slack connected").isZero();
        driver.runJobs(pi.getId());
        assertThat(slackConnect.calls("admin.conversations.disconnectShared")).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("channel_id", slack.channelId()));
        assertThat(slackConnect.tokens("admin.conversations.disconnectShared")).containsExactly("Bearer " + TestSlack.ADMIN_TOKEN);
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("workspace-admins").list())
                .allSatisfy(admin -> assertThat(outbox.to(admin.getId())).anySatisfy(d -> assertThat(d.body())
                        .contains("before anyone approved", "#" + request.channelName(), "has disconnected")));
        Incident incident = runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo("slackApprovalBypassed");
        assertThat(incident.getActivityId()).isEqualTo("Event_BypassEnded");
        assertThat(incident.getIncidentMessage()).contains("#" + request.channelName(), "Globex",
                "does not require admin approval");
        assertThat(status(request)).isEqualTo("AWAITING_APPROVAL");

        slackConnect.channelUnshared(slack, SlackConnectFixtures.PARTNER_TEAM);
        assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(history.createHistoricIncidentQuery().processInstanceId(pi.getId()).resolved().count()).isOne();
        driver.runJobs(pi.getId());
        assertThat(pi).hasPassed("Event_BypassEnded", "Gateway_Rejected", "Activity_TidyRejected", "EndEvent_ApprovalRejected")
                .isEnded();
        assertThat(slackConnect.calls("conversations.declineSharedInvite")).as("Slack's 'nothing to decline' is done")
                .singleElement().satisfies(call -> assertThat(call).containsEntry("invite_id", slack.inviteId()));
        assertThat(slackConnect.calls("conversations.archive")).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("channel", slack.channelId()));
        AccessRequestView refused = requests.view(request.id(), "alice");
        assertThat(refused.status()).isEqualTo("REJECTED");
        assertThat(refused.statusReason()).contains("before any admin approved");
    }

    @Test
    void onSlackADeclinedInvitationRejectsTheRequestAndArchivesTheChannelMadeForIt() {
        Invitation slack = onSlack(false);
        AccessRequestView request = submit("alice", "Globex", LocalDate.now().plusMonths(2));
        ProcessInstance pi = invited(request);
        slackConnect.declined(slack, request.channelName(), request.partnerContactEmail());
        assertThat(pi).hasPassed("Event_PartnerDeclined", "EndEvent_PartnerDeclined", "Event_ApprovalRejected",
                "Gateway_TidyRejected").isWaitingAt("Activity_TidyRejected");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();

        driver.runJobs(pi.getId());
        assertThat(pi).hasPassed("EndEvent_ApprovalRejected").isEnded();
        assertThat(slackConnect.calls("conversations.declineSharedInvite")).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("invite_id", slack.inviteId()));
        assertThat(slackConnect.calls("conversations.archive")).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("channel", slack.channelId()));
        assertThat(channels.view(requests.get(request.id()).channelId()).archivedAt()).isNotNull();
        AccessRequestView rejected = requests.view(request.id(), "alice");
        assertThat(rejected.status()).isEqualTo("REJECTED");
        assertThat(rejected.statusReason()).contains("declined the invitation in Slack");
    }

    @Test
    void onSlackAnExpiredInvitationIsDeclinedAndAChannelFoundInSlackIsNotArchived() {
        Invitation slack = onSlack(false);
        AccessRequestDraft draft = draft("Globex", LocalDate.now().plusMonths(2));
        TestSlack.refuse("conversations.create", "name_taken");
        TestSlack.answer("conversations.list", "\"channels\":[{\"id\":\"" + slack.channelId() + "\",\"name\":\""
                + draft.channelName() + "\",\"is_channel\":true,\"is_private\":false,\"is_member\":false}],"
                + "\"response_metadata\":{\"next_cursor\":\"\"}");
        TestSlack.answer("conversations.join", "\"channel\":{\"id\":\"" + slack.channelId() + "\"}");
        AccessRequestView request = workflow.submit(draft, "alice");
        ProcessInstance pi = invited(request);
        assertThat(slackConnect.calls("conversations.join")).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("channel", slack.channelId()));

        driver.fireTimer(pi.getId(), "Event_LinkExpiry");
        assertThat(pi).hasPassed("EndEvent_LinkExpired", "Event_InvitationExpired", "Gateway_TidyExpired",
                "Activity_TidyExpired", "EndEvent_Expired").isEnded();
        assertThat(status(request)).isEqualTo("EXPIRED");
        assertThat(slackConnect.calls("conversations.declineSharedInvite")).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("invite_id", slack.inviteId()));
        assertThat(slackConnect.calls("conversations.archive")).as("someone else's channel stays").isEmpty();
        assertThat(channels.view(requests.get(request.id()).channelId()).archivedAt()).isNull();
    }

    @Test
    void onSlackWithEnterpriseGridGatehouseDisconnectsAnEarlyEndItself() {
        Invitation slack = onSlack(true);
        AccessRequestView request = submit("alice", "Globex", LocalDate.now().plusMonths(2));
        ProcessInstance pi = connectedOnSlack(request, slack);
        workflow.disconnect(request.id(), "carol");
        driver.runJobs(pi.getId());
        assertThat(slackConnect.calls("admin.conversations.disconnectShared")).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("channel_id", slack.channelId()));
        assertThat(slackConnect.tokens("admin.conversations.disconnectShared")).containsExactly("Bearer " + TestSlack.ADMIN_TOKEN);
        assertThat(pi).hasPassed("Activity_DisconnectEarly", "Gateway_DisconnectedEarlyByPlatform", "Gateway_DisconnectedEarly",
                "EndEvent_DisconnectedEarly").isEnded();
        assertThat(status(request)).isEqualTo("ENDED");
        slackConnect.channelUnshared(slack, SlackConnectFixtures.PARTNER_TEAM);
        assertThat(status(request)).as("Slack's word after the disconnect finds nothing waiting").isEqualTo("ENDED");
    }

    @Test
    void onSlackWithoutGridAnEarlyEndWaitsUntilSlackReportsThePartnerRemoved() {
        Invitation slack = onSlack(false);
        AccessRequestView request = submit("alice", "Globex", LocalDate.now().plusMonths(2));
        ProcessInstance pi = connectedOnSlack(request, slack);
        workflow.disconnect(request.id(), "carol");
        driver.runJobs(pi.getId());
        assertThat(pi).isWaitingAt("removePartnerEarly").task().hasCandidateGroup("workspace-admins");
        assertThat(task("removePartnerEarly", pi).getPriority()).isEqualTo(70);
        assertThat(status(request)).isEqualTo("CONNECTED");

        slackConnect.channelUnshared(slack, SlackConnectFixtures.PARTNER_TEAM);
        assertThat(pi).hasPassed("Event_PartnerRemovedEarly", "Gateway_DisconnectedEarly", "EndEvent_DisconnectedEarly")
                .isEnded();
        assertThat(status(request)).isEqualTo("ENDED");
        assertThat(slackConnect.calls("admin.conversations.disconnectShared")).isEmpty();
    }

    @Test
    void onSlackWithoutGridAWorkspaceAdminWhoRemovedThePartnerCompletesTheTask() {
        Invitation slack = onSlack(false);
        AccessRequestView early = submit("dave", "Globex", LocalDate.now().plusMonths(1));
        ProcessInstance disconnected = connectedOnSlack(early, slack);
        workflow.disconnect(early.id(), "carol");
        driver.runJobs(disconnected.getId());
        driver.complete(task("removePartnerEarly", disconnected), "bob", Map.of());
        assertThat(disconnected).hasPassed("Gateway_DisconnectedEarly", "EndEvent_DisconnectedEarly").isEnded();
        assertThat(status(early)).isEqualTo("ENDED");

        Invitation again = onSlack(false);
        AccessRequestView atEnd = submit("alice", "Globex", LocalDate.now().plusMonths(1));
        ProcessInstance ending = connectedOnSlack(atEnd, again);
        driver.fireTimer(ending.getId(), "Event_EndDate");
        driver.fireTimer(ending.getId(), "Event_NoAnswer");
        assertThat(ending).isWaitingAt("removePartner");
        driver.complete(task("removePartner", ending), "carol", Map.of());
        assertThat(ending).hasPassed("Gateway_Disconnected", "EndEvent_Ended").isEnded();
        assertThat(status(atEnd)).isEqualTo("ENDED");
        assertThat(channels.view(requests.get(atEnd.id()).channelId()).shared()).isFalse();
    }

    @Test
    void onSlackAWithdrawnRequestDeclinesTheInvitationAndArchivesTheChannelMadeForIt() {
        Invitation slack = onSlack(false);
        AccessRequestView request = submit("alice", "Globex", LocalDate.now().plusMonths(2));
        ProcessInstance pi = invited(request);
        workflow.withdraw(request.id(), "alice");
        assertThat(pi).hasPassed("Event_Withdrawn", "Gateway_TidyWithdrawn").isWaitingAt("Activity_TidyWithdrawn");
        assertThat(slackConnect.calls("conversations.declineSharedInvite")).as("behind its async continuation").isEmpty();

        driver.runJobs(pi.getId());
        assertThat(pi).hasPassed("Activity_TidyWithdrawn", "Gateway_WithdrawnTidied", "EndEvent_Withdrawn").isEnded();
        assertThat(slackConnect.calls("conversations.declineSharedInvite")).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("invite_id", slack.inviteId()));
        assertThat(slackConnect.calls("conversations.archive")).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("channel", slack.channelId()));
        assertThat(channels.view(requests.get(request.id()).channelId()).archivedAt()).isNotNull();
        assertThat(status(request)).isEqualTo("WITHDRAWN");
    }

    @Test
    void onSlackAConnectionSlackNeverConfirmsEndsExpiredAfterTwoDaysAndTheAdminsAreTold() {
        Invitation slack = onSlack(false);
        AccessRequestView request = submit("alice", "Globex", LocalDate.now().plusMonths(2));
        ProcessInstance pi = invited(request);
        slackConnect.accepted(slack, request.channelName(), partnerAdmin(request), true);
        driver.complete(task("hostAdminApproval", pi), "bob", Map.of("approved", true));
        driver.runJobs(pi.getId());
        assertThat(pi).hasPassed("Activity_Connect").isWaitingAt("Gateway_AwaitConfirmation");
        assertThat(driver.timerDuration(pi.getProcessDefinitionId(), "Event_ConfirmationOverdue"))
                .isEqualTo(Duration.ofDays(2));

        driver.fireTimer(pi.getId(), "Event_ConfirmationOverdue");
        assertThat(pi).hasPassed("Gateway_AwaitConfirmation", "Event_ConfirmationOverdue", "Activity_TidyUnconfirmed",
                "Activity_TellUnconfirmed", "EndEvent_Unconfirmed").hasNotPassed("Event_ChannelConfirmed").isEnded();
        AccessRequestView expired = requests.view(request.id(), "alice");
        assertThat(expired.status()).isEqualTo("EXPIRED");
        assertThat(expired.statusReason()).contains("Slack did not confirm");
        assertThat(slackConnect.calls("conversations.declineSharedInvite")).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("invite_id", slack.inviteId()));
        assertThat(slackConnect.calls("conversations.archive")).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("channel", slack.channelId()));
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("workspace-admins").list())
                .allSatisfy(admin -> assertThat(outbox.to(admin.getId())).anySatisfy(d -> assertThat(d.body())
                        .contains("has not confirmed in 2 days", request.channelName(), "shared_channel_invite_approved")));

        slackConnect.approved(slack, request.channelName(), partnerAdmin(request), TestSlack.TEAM);
        assertThat(status(request)).as("Slack's late word connects nothing").isEqualTo("EXPIRED");
        assertThat(channels.view(requests.get(request.id()).channelId()).shared()).isFalse();
    }

    @Test
    void onSlackAPartnerWhoStopsSharingAConnectedChannelEndsTheRequestAndTheAdminsAndRequesterAreTold() {
        Invitation slack = onSlack(false);
        AccessRequestView request = submit("alice", "Globex", LocalDate.now().plusMonths(2));
        ProcessInstance pi = connectedOnSlack(request, slack);
        String channelId = requests.get(request.id()).channelId();
        assertThat(channels.view(channelId).pinnedNote()).isNotBlank();
        int posted = slackConnect.calls("chat.postMessage").size();

        slackConnect.channelUnshared(slack, "T0SOMEONE99");
        assertThat(pi).as("another team left: the partner is still in").isWaitingAt("Event_EndDate");
        slackConnect.channelUnshared(slack, SlackConnectFixtures.PARTNER_TEAM);
        assertThat(pi).hasPassed("StartEvent_PartnerLeft").isWaitingAt("Activity_TellPartnerLeft");
        assertThat(requests.view(request.id(), "alice").timeline()).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo("PARTNER_LEFT");
            assertThat(event.actor()).isEqualTo("partner");
            assertThat(event.at()).isNotNull();
            assertThat(event.detail()).contains("Globex", "#" + request.channelName());
        });

        driver.runJobs(pi.getId());
        assertThat(pi).hasPassed("Activity_TellPartnerLeft", "EndEvent_PartnerLeft").isEnded();
        AccessRequestView ended = requests.view(request.id(), "alice");
        assertThat(ended.status()).isEqualTo("ENDED");
        assertThat(ended.statusReason()).contains("partner stopped sharing");
        ChannelView channel = channels.view(channelId);
        assertThat(channel.shared()).isFalse();
        assertThat(channel.members()).extracting(m -> m.member()).doesNotContain(partnerAdmin(request));
        assertThat(slackConnect.calls("chat.postMessage")).as("the house rules stay as they are").hasSize(posted);
        assertThat(slackConnect.calls("pins.remove")).isEmpty();
        assertThat(slackConnect.calls("chat.update")).isEmpty();
        assertThat(slackConnect.calls("chat.delete")).isEmpty();
        assertThat(slackConnect.calls("admin.conversations.disconnectShared")).isEmpty();
        assertThat(outbox.to("alice")).anySatisfy(d -> assertThat(d.body()).contains("Globex stopped sharing #"
                + request.channelName()));
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("workspace-admins").list())
                .allSatisfy(admin -> assertThat(outbox.to(admin.getId())).anySatisfy(d -> assertThat(d.body())
                        .contains("Globex stopped sharing #" + request.channelName())));

        slackConnect.channelUnshared(slack, SlackConnectFixtures.PARTNER_TEAM);
        assertThat(status(request)).as("Slack's word again changes nothing").isEqualTo("ENDED");
        assertThat(requests.view(request.id(), "alice").timeline()).filteredOn(e -> e.action().equals("PARTNER_LEFT"))
                .hasSize(1);
    }

    /**
     * An instance that passed <i>Send invitation</i> before it set {@code invitedOnPlatform} (one migrated from an
     * older version of the model) still goes the right way at <i>Invited in Slack?</i>: by the request's record.
     */
    @Test
    void anInstanceWithoutInvitedOnPlatformIsTidiedByTheRequestsRecord() {
        Invitation slack = onSlack(false);
        AccessRequestView onSlack = submit("alice", "Globex", LocalDate.now().plusMonths(2));
        ProcessInstance invitedInSlack = invited(onSlack);
        driver.as("admin", () -> runtime.removeVariable(invitedInSlack.getId(),
                AccessRequestProcess.INVITED_ON_PLATFORM.name()));
        slackConnect.declined(slack, onSlack.channelName(), onSlack.partnerContactEmail());
        driver.runJobs(invitedInSlack.getId());
        assertThat(invitedInSlack).hasPassed("Activity_TidyRejected", "EndEvent_ApprovalRejected").isEnded();
        assertThat(slackConnect.calls("conversations.declineSharedInvite")).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("invite_id", slack.inviteId()));

        gateway.useLocal();
        AccessRequestView withLink = submit("dave", "Globex", LocalDate.now().plusMonths(2));
        ProcessInstance linked = invited(withLink);
        driver.as("admin", () -> runtime.removeVariable(linked.getId(), AccessRequestProcess.INVITED_ON_PLATFORM.name()));
        workflow.withdraw(withLink.id(), "dave");
        assertThat(linked).hasPassed("Gateway_TidyWithdrawn", "Gateway_WithdrawnTidied", "EndEvent_Withdrawn")
                .hasNotPassed("Activity_TidyWithdrawn").isEnded();
        assertThat(status(withLink)).isEqualTo("WITHDRAWN");
    }

    // --- helpers

    private void recordNda(ProcessInstance pi, LocalDate expiresOn) {
        driver.complete(task("obtainNda", nda(pi)), "lena", Map.of("ndaSigned", true, "ndaSignedOn", LocalDate.now().toString(),
                "ndaExpiresOn", expiresOn.toString(), "ndaDocumentRef", "NDA-" + pi.getBusinessKey()));
    }

    private Invitation onSlack(boolean enterpriseGrid) {
        return fixtures.onSlack(enterpriseGrid);
    }

    private ProcessInstance connectedOnSlack(AccessRequestView request, Invitation slack) {
        return fixtures.connectedOnSlack(request, slack);
    }

    private static String partnerAdmin(AccessRequestView request) {
        return AccessRequestFixtures.partnerAdmin(request);
    }

    private AccessRequestView submit(String requester, String partner, LocalDate endDate) {
        return fixtures.submit(requester, partner, endDate);
    }

    private AccessRequestDraft draft(String partner, LocalDate endDate) {
        return fixtures.draft(partner, endDate);
    }

    private String newPartner() {
        return fixtures.newPartner();
    }

    private ProcessInstance connected(String requester, String partner, LocalDate endDate) {
        return fixtures.connected(requester, partner, endDate);
    }

    private void approveBothSides(ProcessInstance pi, AccessRequestView request, String hostAdmin) {
        fixtures.approveBothSides(pi, request, hostAdmin);
    }

    /** The request's instance once the partner's invitation is out: both approvals wait. */
    private ProcessInstance invited(AccessRequestView request) {
        ProcessInstance pi = instance(request);
        driver.runJobs(pi.getId());
        return pi;
    }

    private ProcessInstance instance(AccessRequestView request) {
        return fixtures.instance(request);
    }

    private String token(AccessRequestView request) {
        return fixtures.token(request);
    }

    private String historicId(AccessRequestView request) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(request.id())
                .processDefinitionKey(AccessRequestProcess.KEY).singleResult().getId();
    }

    private ProcessInstance nda(ProcessInstance pi) {
        return fixtures.nda(pi);
    }

    /** The start of the day in UTC, the engine clock's zone: when a timer set for that date fires. */
    private static Date at(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private Date timerDue(ProcessInstance pi, String activityId) {
        return management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers().singleResult()
                .getDuedate();
    }

    private String status(AccessRequestView request) {
        return requests.get(request.id()).status().name();
    }
}
