package org.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gatehouse.EngineTest;
import org.gatehouse.FlakyChannelGateway;
import org.gatehouse.TestSlack;
import org.gatehouse.slack.SlackConnectFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code organisation-reconciliation}: the nightly timer, the comparison and its record on the local
 * platform, and Slack's refusal as an incident that says what to change. With requests and Slack's pages:
 * {@code OrganisationReconciliationTest}.
 */
class OrganisationReconciliationProcessTest extends EngineTest {

    @Autowired ReconciliationFixtures nights;
    @Autowired OffboardingFixtures partnerships;
    @Autowired SharingOverview overview;
    @Autowired FlakyChannelGateway gateway;
    @Autowired SlackConnectFixtures connect;

    @AfterEach
    void localPlatformAgain() {
        gateway.useLocal();
    }

    private OrganisationSharing.Reconciliation latest() {
        return overview.all("carol", 1).reconciliation();
    }

    /** The local platform connects only what Gatehouse shared: a channel shared without any request is a finding. */
    @Test
    void aChannelSharedWithoutARequestIsFoundAndRecorded() {
        var unrequested = partnerships.sharedChannels(2);

        ProcessInstance pi = nights.nightFalls();
        driver.runJobs(pi.getId());

        assertThat(pi).hasPassed("Activity_ReconcileOrganisations", "EndEvent_Reconciled").isEnded();
        assertThat(latest().unapproved()).filteredOn(u -> u.platformId().equals(unrequested.partnerId())).singleElement()
                .satisfies(u -> {
                    assertThat(u.name()).isEqualTo(unrequested.partnerName());
                    assertThat(u.channels()).isEqualTo(2);
                    assertThat(u.partnerId()).as("the directory's partner of that name").isEqualTo(unrequested.partnerId());
                    assertThat(u.finding()).contains("no request Gatehouse approved");
                });
    }

    @Test
    void aMissingScopeBecomesAnIncidentThatSaysWhatToChangeInSlack() {
        TestSlack.reset();
        gateway.use(connect.gateway(true));
        TestSlack.refuse("team.externalTeams.list", "missing_scope", "\"needed\":\"team:read\","
                + "\"provided\":\"chat:write,channels:manage\"");
        var before = latest();

        ProcessInstance pi = nights.nightFalls();
        Incident incident = driver.failUntilIncident(pi.getId(), "Activity_ReconcileOrganisations");

        assertThat(incident.getIncidentMessage()).contains("Slack refused team.externalTeams.list (missing_scope)",
                "the app lacks the scope team:read", "reinstall the app");
        assertThat(pi).isWaitingAt("Activity_ReconcileOrganisations");
        assertThat(latest()).as("no run is recorded").isEqualTo(before);
    }
}
