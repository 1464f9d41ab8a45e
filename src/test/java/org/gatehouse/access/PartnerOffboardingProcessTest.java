package org.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gatehouse.EngineTest;
import org.gatehouse.FlakyChannelGateway;
import org.gatehouse.channels.ChannelService;
import org.gatehouse.channels.ChatDelivery;
import org.gatehouse.channels.LocalChannelGateway;
import org.gatehouse.channels.OutboxMessages;
import org.gatehouse.directory.OrganisationService;
import org.gatehouse.directory.PartnershipEnd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code partner-offboarding}, with the real access requests, the local chat platform and its failures. */
class PartnerOffboardingProcessTest extends EngineTest {

    @Autowired OffboardingWorkflow workflow;
    @Autowired OffboardingService offboardings;
    @Autowired OffboardingFixtures fixtures;
    @Autowired ChannelService channels;
    @Autowired OrganisationService organisations;
    @Autowired LocalChannelGateway platform;
    @Autowired FlakyChannelGateway gateway;
    @Autowired OutboxMessages outbox;

    @AfterEach
    void heal() {
        gateway.heal();
    }

    private ProcessInstance started(OffboardingFixtures.Partnership partnership, boolean keepDirectMessages) {
        OffboardingView view = driver.as("bob", () -> workflow.start(partnership.partnerId(),
                new OffboardingDraft(keepDirectMessages, "The project is over"), "bob"));
        assertThat(view.status()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(view.requestedBy()).isEqualTo("bob");
        assertThat(view.channels()).extracting(OffboardingChannel::channelId)
                .containsExactlyInAnyOrderElementsOf(partnership.channels());
        ProcessInstance pi = driver.instance(view.id());
        assertThat(pi).hasPassed("StartEvent_EndingRequested", "Activity_RegisterOffboarding")
                .isWaitingAt("confirmOffboarding").task().hasCandidateGroup("workspace-admins");
        assertThat(pi).variables().containsEntry("requestedBy", "bob").containsEntry("partnerName", partnership.partnerName())
                .containsEntry("keepDirectMessages", keepDirectMessages);
        return pi;
    }

    private OffboardingView view(ProcessInstance pi, String partnerId) {
        return offboardings.view(partnerId, pi.getBusinessKey(), "carol");
    }

    private List<String> kinds(String target) {
        return platform.deliveriesTo(target).stream().map(ChatDelivery::kind).toList();
    }

    /** Requests with the partner end through their own process: {@code OffboardingApiTest} shows them over HTTP. */
    @Test
    void aSecondAdminConfirmsAndEveryChannelIsDisconnectedThoughOneFailsTwice() {
        var partnership = fixtures.sharedChannels(3);
        ProcessInstance pi = started(partnership, true);
        assertThatThrownBy(() -> driver.complete(task("confirmOffboarding", pi), "bob", Map.of("confirmed", true)))
                .as("four eyes: the admin who asked").isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> engine.getTaskService().complete(task("confirmOffboarding", pi).getId(),
                Map.of("confirmed", true))).as("a Java call without a user").hasStackTraceContaining("signed-in admin");
        assertThat(pi).isWaitingAt("confirmOffboarding");
        String flaky = partnership.channels().get(1);
        gateway.failNextDisconnects(flaky, 2);

        driver.complete(task("confirmOffboarding", pi), "carol", Map.of("confirmed", true, "comment", "Agreed"));
        assertThat(pi).hasPassed("confirmOffboarding", "Gateway_Confirmed").isWaitingAt("Activity_DisconnectChannels");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count())
                .as("one step per channel").isEqualTo(3);
        assertThat(view(pi, partnership.partnerId()).status()).isEqualTo("DISCONNECTING");
        assertThat(driver.runJobsThroughFailures(pi.getId())).as("the flaky channel's failed attempts").isEqualTo(2);

        assertThat(pi).hasPassed("Activity_DisconnectChannels", "Gateway_DirectMessages", "Gateway_DirectMessagesSettled",
                "Activity_EndPartnerRequests", "Activity_RecordPartnershipEnded", "EndEvent_PartnershipEnded")
                .hasNotPassed("Activity_EndConnection").isEnded();
        OffboardingView done = view(pi, partnership.partnerId());
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.confirmedBy()).isEqualTo("carol");
        assertThat(done.comment()).isEqualTo("Agreed");
        assertThat(done.requestsEndedAt()).isNotNull();
        assertThat(done.channels()).allSatisfy(c -> assertThat(c.state()).isEqualTo(OffboardingChannel.State.DISCONNECTED));
        assertThat(done.channels()).filteredOn(c -> c.channelId().equals(flaky)).singleElement()
                .satisfies(c -> assertThat(c.attempts()).isEqualTo(2));
        for (String channel : partnership.channels()) {
            assertThat(channels.get(channel).shared()).isFalse();
            assertThat(kinds(channel)).as("the platform disconnects each channel once").containsOnlyOnce("DISCONNECT");
        }
        assertThat(kinds(partnership.partnerId())).doesNotContain("END_CONNECTION");
        PartnershipEnd end = organisations.partnershipEnd(partnership.partnerId()).orElseThrow();
        assertThat(end.endedBy()).isEqualTo("bob");
        assertThat(end.confirmedBy()).isEqualTo("carol");
        assertThat(end.directMessagesKept()).isTrue();
    }

    @Test
    void directMessagesDisabledAlsoEndTheConnection() {
        var partnership = fixtures.sharedChannels(1);
        ProcessInstance pi = started(partnership, false);
        driver.complete(task("confirmOffboarding", pi), "carol", Map.of("confirmed", true));
        driver.runJobs(pi.getId());

        assertThat(pi).hasPassed("Gateway_DirectMessages", "Activity_EndConnection", "Gateway_DirectMessagesSettled",
                "EndEvent_PartnershipEnded").isEnded();
        assertThat(kinds(partnership.partnerId())).containsExactly("END_CONNECTION");
        assertThat(view(pi, partnership.partnerId()).connectionEndedAt()).isNotNull();
        assertThat(organisations.partnershipEnd(partnership.partnerId()).orElseThrow().directMessagesKept()).isFalse();
    }

    @Test
    void aRefusalDisconnectsNothing() {
        var partnership = fixtures.sharedChannels(1);
        ProcessInstance pi = started(partnership, true);
        driver.complete(task("confirmOffboarding", pi), "carol", Map.of("confirmed", false, "comment", "Not yet"));

        assertThat(pi).hasPassed("Gateway_Confirmed", "EndEvent_Refused").hasNotPassed("Activity_DisconnectChannels")
                .isEnded();
        OffboardingView refused = view(pi, partnership.partnerId());
        assertThat(refused.status()).isEqualTo("REFUSED");
        assertThat(refused.channels()).allSatisfy(c -> assertThat(c.state()).isEqualTo(OffboardingChannel.State.PENDING));
        assertThat(channels.get(partnership.channels().get(0)).shared()).isTrue();
        assertThat(kinds(partnership.channels().get(0))).doesNotContain("DISCONNECT");
        assertThat(organisations.partnershipEnd(partnership.partnerId())).isEmpty();
        assertThat(driver.as("carol", () -> workflow.start(partnership.partnerId(),
                new OffboardingDraft(null, "Now it is over"), "carol")).status())
                .as("a refused offboarding holds the partner no longer").isEqualTo("AWAITING_CONFIRMATION");
    }

    @Test
    void aChannelThePlatformKeepsRefusingWaitsInAnIncidentWhileTheOthersAreDisconnected() {
        var partnership = fixtures.sharedChannels(2);
        ProcessInstance pi = started(partnership, true);
        String stuck = partnership.channels().get(0);
        gateway.failNextDisconnects(stuck, 100);
        driver.complete(task("confirmOffboarding", pi), "carol", Map.of("confirmed", true));
        driver.runJobsThroughFailures(pi.getId());

        var incident = runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Activity_DisconnectChannels");
        assertThat(pi).isWaitingAt("Activity_DisconnectChannels");
        OffboardingView waiting = view(pi, partnership.partnerId());
        assertThat(waiting.status()).isEqualTo("DISCONNECTING");
        assertThat(waiting.channels()).filteredOn(c -> c.channelId().equals(stuck)).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(OffboardingChannel.State.FAILING);
            assertThat(c.lastError()).contains("unavailable");
        });
        assertThat(channels.get(partnership.channels().get(1)).shared()).as("the other channel").isFalse();
        assertThatThrownBy(() -> offboardings.finish(pi.getBusinessKey(), pi.getId()))
                .hasMessageContaining("channels are still shared");

        gateway.heal();
        var management = engine.getManagementService();
        management.setJobRetries(management.createJobQuery().processInstanceId(pi.getId()).singleResult().getId(), 1);
        assertThat(driver.runJobsThroughFailures(pi.getId())).as("the operator's retry").isZero();
        assertThat(pi).isEnded();
        assertThat(view(pi, partnership.partnerId()).status()).isEqualTo("DONE");
    }

    @Test
    void aSecondOffboardingOfTheSamePartnerWaitsForTheFirst() {
        var partnership = fixtures.sharedChannels(0);
        started(partnership, true);
        assertThatThrownBy(() -> driver.as("carol", () -> workflow.start(partnership.partnerId(),
                new OffboardingDraft(true, "Again"), "carol"))).hasMessageContaining("under way already");
    }

    @Test
    void nobodyAnswersSoTheAdminsAreRemindedAndThenItExpiresAndTheAskerIsTold() {
        var partnership = fixtures.sharedChannels(1);
        ProcessInstance pi = started(partnership, true);
        OffboardingView waiting = view(pi, partnership.partnerId());
        assertThat(waiting.confirmBy()).isEqualTo(waiting.requestedAt().plus(
                driver.inputDuration(pi.getProcessDefinitionId(), "Activity_RegisterOffboarding", "confirmWithin")));
        assertThat(task("confirmOffboarding", pi).getDueDate()).as("due when it expires")
                .isEqualTo(engine.getRuntimeService().getVariable(pi.getId(), "confirmBy"));
        assertThatThrownBy(() -> offboardings.expire(pi.getBusinessKey(), pi.getId())).as("before its time")
                .hasMessageContaining("has not passed");
        int carolsMessages = outbox.to("carol").size();

        driver.fireTimer(pi.getId(), "Event_ConfirmReminder");
        assertThat(pi).hasPassed("Event_ConfirmReminder", "Activity_RemindAdmins", "EndEvent_AdminsReminded")
                .isWaitingAt("confirmOffboarding");
        assertThat(outbox.to("carol")).hasSize(carolsMessages + 1).last()
                .satisfies(m -> assertThat(m.body()).contains("Reminder", "bob", partnership.partnerName()));

        driver.fireTimer(pi.getId(), "Event_ConfirmationExpires");
        assertThat(pi).hasPassed("Event_ConfirmationExpires", "Activity_RecordExpiry", "EndEvent_Expired")
                .hasNotPassed("Gateway_Confirmed").isEnded();
        OffboardingView expired = view(pi, partnership.partnerId());
        assertThat(expired.status()).isEqualTo("EXPIRED");
        assertThat(expired.timeline()).extracting(AccessRequestEvent::action).contains("EXPIRED");
        assertThat(outbox.to("bob")).last().satisfies(m -> assertThat(m.body())
                .contains("has expired", partnership.partnerName(), pi.getBusinessKey(), "nothing was disconnected"));
        assertThat(channels.get(partnership.channels().get(0)).shared()).isTrue();
        assertThat(driver.as("carol", () -> workflow.start(partnership.partnerId(),
                new OffboardingDraft(true, "Again"), "carol")).status()).as("the partner is free again")
                .isEqualTo("AWAITING_CONFIRMATION");
    }

    @Test
    void theAdminWhoAskedCallsItOffAndNothingIsDisconnected() {
        var partnership = fixtures.sharedChannels(1);
        ProcessInstance pi = started(partnership, true);
        assertThatThrownBy(() -> offboardings.recordCancelled(pi.getBusinessKey(), pi.getId()))
                .as("a step reached before anyone called it off").hasMessageContaining("nobody called it off");

        OffboardingView cancelled = driver.as("bob", () -> workflow.cancel(partnership.partnerId(), pi.getBusinessKey(),
                "bob"));

        assertThat(pi).hasPassed("Event_OffboardingCancelled", "Activity_RecordCancellation", "EndEvent_Cancelled")
                .hasNotPassed("Gateway_Confirmed").isEnded();
        assertThat(cancelled.status()).isEqualTo("CANCELLED");
        assertThat(cancelled.cancelledBy()).isEqualTo("bob");
        assertThat(channels.get(partnership.channels().get(0)).shared()).isTrue();
        assertThat(kinds(partnership.channels().get(0))).doesNotContain("DISCONNECT");
    }
}
