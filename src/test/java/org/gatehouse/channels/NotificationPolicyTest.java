package org.gatehouse.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gatehouse.HttpTest;
import org.gatehouse.access.AccessRequestDraft;
import org.gatehouse.access.AccessRequestView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * C5: imported people get no email or chat notification from Gatehouse except an approval request (and the answers to
 * requests they made themselves), unless they hold
 * a working role; addresses the directory does not know always get theirs. People come in through the real imports.
 */
class NotificationPolicyTest extends HttpTest {

    private static final AtomicInteger BATCH = new AtomicInteger();

    @Autowired Notifier notifier;
    @Autowired LocalChannelGateway platform;
    @Autowired MeterRegistry meters;

    @Test
    void anImportedEmployeeWithoutAWorkingRoleGetsApprovalRequestsAndNothingElse() {
        String id = importEmployee("np" + BATCH.incrementAndGet());
        double dropped = dropped(MessageKind.REMINDER);

        notifier.notifyUser(id, MessageKind.APPROVAL_REQUEST, "Please approve the purchase of a standing desk");
        notifier.notifyUser(id, MessageKind.REMINDER, "Reminder: a task waits for you");
        notifier.notifyUser(id, MessageKind.STATUS, "Your request moved on");
        notifier.notifyUser(id, MessageKind.REPLY, "[T-7] Your question: the answer");

        assertThat(platform.deliveriesTo(id)).extracting(ChatDelivery::body).as("and the answers to what they wrote")
                .containsExactly("Please approve the purchase of a standing desk", "[T-7] Your question: the answer");
        assertThat(dropped(MessageKind.REMINDER)).as("a dropped message is counted").isEqualTo(dropped + 1);
    }

    @Test
    void aWorkingRoleOrAManualEntryGetsEveryMessage() {
        String expert = importEmployee("nr" + BATCH.incrementAndGet());
        grant(expert, "team-payroll");
        notifier.notifyUser(expert, MessageKind.APPROVAL_REQUEST, "Approve: holiday request");
        notifier.notifyUser(expert, MessageKind.REMINDER, "Reminder: a ticket waits");
        assertThat(platform.deliveriesTo(expert)).extracting(ChatDelivery::body)
                .containsExactly("Approve: holiday request", "Reminder: a ticket waits");

        // alice, a demo account entered by hand, holds no working role and still gets everything
        notifier.notifyUser("alice", MessageKind.REMINDER, "Reminder for " + expert);
        assertThat(platform.deliveriesTo("alice")).extracting(ChatDelivery::body).contains("Reminder for " + expert);
    }

    @Test
    void theNdaReminderOfTheProcessReachesAnImportedLawyer() {
        String lawyer = importEmployee("nl" + BATCH.incrementAndGet());
        grant(lawyer, "legal");
        try {
            AccessRequestView request = fixtures.submit("alice", fixtures.newPartner(), LocalDate.now().plusMonths(2));
            ProcessInstance pi = fixtures.instance(request);
            driver.fireTimer(pi.getId(), "Event_NdaReminder");
            assertThat(platform.deliveriesTo(lawyer)).singleElement().satisfies(d -> assertThat(d.body()).contains("Reminder")
                    .contains(request.projectName()));
            fixtures.workflow().withdraw(request.id(), "alice");
        } finally {
            revoke(lawyer, "legal");
        }
    }

    @Test
    void thePartnersLinkReachesAnOutsideAddressAndAnImportedContactAlike() {
        String b = "no" + BATCH.incrementAndGet();
        String contactEmail = b + ".gina@globex.example";
        assertThat(api.as("admin").postRaw("/api/directory/imports?kind=slack&source=test", """
                {"ok": true, "members": [{"id": "U%sGINA", "team_id": "T0GLOBEX", "is_stranger": true,
                  "profile": {"email": "%s", "first_name": "Gina", "last_name": "Globex"}}]}"""
                .formatted(b.toUpperCase(), contactEmail)).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        var outsider = fixtures.draft("Globex", LocalDate.now().plusMonths(3));
        AccessRequestView toOutsider = fixtures.workflow().submit(outsider, "alice");
        driver.runJobs(fixtures.instance(toOutsider).getId());
        String outsiderLink = fixtures.token(toOutsider);
        assertThat(platform.deliveriesTo(outsider.partnerContactEmail())).singleElement()
                .satisfies(d -> assertThat(d.body()).contains(outsiderLink));

        var imported = fixtures.draft("Globex", LocalDate.now().plusMonths(3));
        imported = new AccessRequestDraft(imported.workspace(), imported.channelName(),
                imported.partnerOrganisation(), "Gina Globex", contactEmail, imported.projectName(), imported.endDate(),
                imported.purpose());
        AccessRequestView toContact = fixtures.workflow().submit(imported, "alice");
        driver.runJobs(fixtures.instance(toContact).getId());
        String contactLink = fixtures.token(toContact);
        assertThat(platform.deliveriesTo(contactEmail)).as("the link asks for the partner's approval")
                .singleElement().satisfies(d -> assertThat(d.body()).contains(contactLink));
        assertThat(platform.deliveriesTo("alice")).anySatisfy(d -> assertThat(d.body()).contains(contactLink));

        notifier.notifyAddress(contactEmail, MessageKind.STATUS, "News for an imported contact");
        notifier.notifyAddress(outsider.partnerContactEmail(), MessageKind.STATUS, "News for an outsider");
        assertThat(platform.deliveriesTo(contactEmail)).hasSize(1);
        assertThat(platform.deliveriesTo(outsider.partnerContactEmail())).extracting(ChatDelivery::body)
                .contains("News for an outsider");
    }

    private String importEmployee(String id) {
        assertThat(api.as("admin").postRaw("/api/directory/imports?source=test", "Employee ID,First name,Last name,Email,Status\n"
                + id + ",Imre,Imported," + id + "@acme.example,active\n", MediaType.parseMediaType("text/csv"))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return id;
    }

    private void grant(String id, String group) {
        assertThat(api.as("admin").put("/api/directory/people/" + id + "/roles/" + group, null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private void revoke(String id, String group) {
        rest.withBasicAuth("admin", "admin").delete("/api/directory/people/" + id + "/roles/" + group);
    }

    private double dropped(MessageKind kind) {
        var counter = meters.find("gatehouse.notifications.dropped").tag("kind", kind.name()).counter();
        return counter == null ? 0 : counter.count();
    }
}
