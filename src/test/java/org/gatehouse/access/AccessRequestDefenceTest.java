package org.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gatehouse.EngineTest;
import org.gatehouse.channels.Channel;
import org.gatehouse.channels.ChannelService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Defence in depth: an admin's engine-level changes (a start at an activity with the listeners skipped, a modification,
 * a second instance with an existing request's id) reach steps out of order, and the domain refuses them: the request,
 * its approvals and its channel stay as they were, an asynchronous step ends in an incident, a synchronous one rolls
 * back.
 */
class AccessRequestDefenceTest extends EngineTest {

    @Autowired AccessRequestService requests;
    @Autowired AccessRequestFixtures fixtures;
    @Autowired ChannelService channels;

    @Test
    void startingAtConnectWithTheIdOfARequestWaitingForItsNdaConnectsNothing() {
        AccessRequestView request = fixtures.submit("dave", fixtures.newPartner(), LocalDate.now().plusMonths(2));
        ProcessInstance pi = fixtures.instance(request);
        assertThat(status(request)).isEqualTo(AccessRequestStatus.AWAITING_NDA);

        ProcessInstance forged = driver.as("admin", () -> runtime.createProcessInstanceByKey(AccessRequestProcess.KEY)
                .businessKey(request.id()).startBeforeActivity("Activity_Connect").execute(true, true));
        Incident incident = driver.failUntilIncident(forged.getId(), "Activity_Connect");

        assertThat(incident).isNotNull();
        assertThat(incident.getIncidentMessage()).contains("belongs to another process instance");
        assertUnchanged(request, AccessRequestStatus.AWAITING_NDA);
        assertThat(pi).isWaitingAt("Activity_EnsureNda");
    }

    @Test
    void anAdminWhoSkipsTheHostApprovalOfHisOwnRequestConnectsNothing() {
        AccessRequestView request = fixtures.submit("admin", "Globex", LocalDate.now().plusMonths(2));
        ProcessInstance pi = invited(request);
        assertThat(pi).isWaitingAt("hostAdminApproval");

        driver.as("admin", () -> {
            runtime.createProcessInstanceModification(pi.getId()).cancelAllForActivity("hostAdminApproval")
                    .startBeforeActivity("Gateway_ApprovalsJoin").execute(true, true);
        });
        fixtures.partnerAccepts(request);
        assertThat(pi).isWaitingAt("Activity_Connect");
        Incident incident = driver.failUntilIncident(pi.getId(), "Activity_Connect");

        assertThat(incident.getIncidentMessage()).contains("both recorded");
        assertUnchanged(request, AccessRequestStatus.AWAITING_APPROVAL);
        assertThat(requests.get(request.id()).hostApproved()).isNull();
    }

    @Test
    void aModificationStraightToConnectWhileTheApprovalsWaitConnectsNothing() {
        AccessRequestView request = fixtures.submit("alice", "Globex", LocalDate.now().plusMonths(2));
        ProcessInstance pi = invited(request);

        driver.as("admin", () -> {
            runtime.createProcessInstanceModification(pi.getId()).startBeforeActivity("Activity_Connect")
                    .execute(true, true);
        });
        driver.failUntilIncident(pi.getId(), "Activity_Connect");

        assertUnchanged(request, AccessRequestStatus.AWAITING_APPROVAL);
        assertThat(pi).isWaitingAt("hostAdminApproval");
    }

    @Test
    void aSecondInstanceWithTheIdOfAnApprovedRequestDoesNotConnectItOnlyItsOwnInstanceDoes() {
        AccessRequestView request = fixtures.submit("alice", "Globex", LocalDate.now().plusMonths(2));
        ProcessInstance pi = invited(request);
        driver.complete(task("hostAdminApproval", pi), "bob", Map.of("approved", true));
        fixtures.partnerAccepts(request);
        assertThat(pi).isWaitingAt("Activity_Connect");

        ProcessInstance second = driver.as("admin", () -> runtime.createProcessInstanceByKey(AccessRequestProcess.KEY)
                .businessKey(request.id()).startBeforeActivity("Activity_Connect").execute(true, true));
        driver.failUntilIncident(second.getId(), "Activity_Connect");
        assertUnchanged(request, AccessRequestStatus.AWAITING_APPROVAL);

        driver.runJobs(pi.getId());
        assertThat(pi).hasPassed("Activity_Connect", "Activity_PinRules").isWaitingAt("Event_EndDate");
        assertThat(status(request)).isEqualTo(AccessRequestStatus.CONNECTED);
    }

    @Test
    void aSecondInstanceCannotRegisterChangeOrEndAnExistingRequest() {
        AccessRequestView request = fixtures.submit("alice", fixtures.newPartner(), LocalDate.now().plusMonths(2));
        long instances = runtime.createProcessInstanceQuery().processDefinitionKey(AccessRequestProcess.KEY).count();
        Map<String, Object> variables = new HashMap<>(Map.of("workspace", "acme-main", "channelName", request.channelName(),
                "partnerOrganisation", "Globex", "partnerContactName", "X", "partnerContactEmail", "x@globex.example",
                "projectName", "X", "endDate", LocalDate.now().plusMonths(1).toString(), "purpose", "X",
                "requester", "alice"));

        assertThatThrownBy(() -> driver.as("admin", () -> runtime.startProcessInstanceByKey(AccessRequestProcess.KEY,
                request.id(), variables))).as("its id is taken");
        assertThatThrownBy(() -> driver.as("admin", () -> runtime.createProcessInstanceByKey(AccessRequestProcess.KEY)
                .businessKey(request.id()).startBeforeActivity("EndEvent_Withdrawn").execute()))
                .satisfies(e -> refused(e, "belongs to another process instance"));
        assertThatThrownBy(() -> driver.as("admin", () -> runtime.createProcessInstanceByKey(NdaAssuranceProcess.KEY)
                .businessKey(request.id()).setVariables(Map.of("ndaSigned", true, "ndaSignedOn", "2026-01-01",
                        "ndaExpiresOn", "2030-01-01", "ndaDocumentRef", "forged"))
                .startBeforeActivity("Activity_RecordNda").execute(true, true)))
                .as("nda-assurance started on its own serves no request")
                .satisfies(e -> refused(e, "belongs to another process instance"));
        assertThatThrownBy(() -> driver.as("admin", () -> runtime.startProcessInstanceByKey(NdaAssuranceProcess.KEY,
                request.id()))).satisfies(e -> refused(e, "belongs to another process instance"));

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AccessRequestProcess.KEY).count())
                .isEqualTo(instances);
        assertUnchanged(request, AccessRequestStatus.AWAITING_NDA);
    }

    @Test
    void withinItsOwnInstanceAStepOutOfOrderIsRefusedAndRolledBack() {
        AccessRequestView request = fixtures.submit("alice", fixtures.newPartner(), LocalDate.now().plusMonths(2));
        ProcessInstance pi = fixtures.instance(request);

        assertThatThrownBy(() -> driver.as("admin", () -> {
            // the step's own input (the link's validity) kept, so that the domain's guard is what answers
            runtime.createProcessInstanceModification(pi.getId()).startBeforeActivity("Activity_IssueInvitation")
                    .execute(true, false);
        })).satisfies(e -> refused(e, "no NDA on file covers the project"));
        String nda = runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult().getId();
        assertThatThrownBy(() -> driver.as("admin", () -> {
            runtime.createProcessInstanceModification(nda).startBeforeActivity("Activity_RecordNda")
                    .setVariables(Map.of("ndaSignedOn", "2026-01-01", "ndaExpiresOn", "2030-01-01", "ndaDocumentRef", "x"))
                    .execute(true, true);
        })).as("only Legal records an NDA").hasStackTraceContaining("Only Legal records an NDA");
        assertThatThrownBy(() -> driver.as("admin", () -> {
            runtime.createProcessInstanceModification(pi.getId()).startBeforeActivity("EndEvent_Ended").execute();
        })).satisfies(e -> refused(e, "is AWAITING_NDA: it cannot become ENDED"));

        assertThat(pi).isWaitingAt("Activity_EnsureNda");
        assertUnchanged(request, AccessRequestStatus.AWAITING_NDA);
    }

    /** The request's instance once the partner's invitation is out: both approvals wait. */
    @Test
    void anAdminWhoRestartsHisOwnWithdrawnRequestAtConnectConnectsNothing() {
        AccessRequestView request = fixtures.submit("admin", "Globex", LocalDate.now().plusMonths(2));
        ProcessInstance pi = invited(request);
        fixtures.workflow().withdraw(request.id(), "admin");
        assertThat(pi).isEnded();

        driver.as("admin", () -> runtime.restartProcessInstances(pi.getProcessDefinitionId())
                .startBeforeActivity("Activity_Connect").processInstanceIds(pi.getId()).skipCustomListeners().execute());
        ProcessInstance restarted = runtime.createProcessInstanceQuery().processInstanceBusinessKey(request.id())
                .rootProcessInstances().singleResult();
        assertThat(restarted.getId()).isNotEqualTo(pi.getId());
        driver.failUntilIncident(restarted.getId(), "Activity_Connect");

        assertUnchanged(request, AccessRequestStatus.WITHDRAWN);
    }

    private ProcessInstance invited(AccessRequestView request) {
        ProcessInstance pi = fixtures.instance(request);
        driver.runJobs(pi.getId());
        assertThat(pi).isWaitingAt("hostAdminApproval");
        return pi;
    }

    private void assertUnchanged(AccessRequestView request, AccessRequestStatus status) {
        AccessRequest now = requests.get(request.id());
        assertThat(now.status()).isEqualTo(status);
        assertThat(now.channelId()).isNull();
        assertThat(channels.find(now.workspaceId(), now.channelName()).map(Channel::shared)).isNotEqualTo(Optional.of(true));
    }

    private AccessRequestStatus status(AccessRequestView request) {
        return requests.get(request.id()).status();
    }
}
