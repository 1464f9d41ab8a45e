package org.gatehouse.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gatehouse.HttpTest;
import org.gatehouse.access.AccessRequestDraft;
import org.gatehouse.access.AccessRequestView;
import org.gatehouse.channels.OutboxMessages.Sent;
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
    @Autowired OutboxMessages outbox;
    @Autowired MeterRegistry meters;

    @Test
    void anImportedEmployeeWithoutAWorkingRoleGetsApprovalRequestsAndNothingElse() {
        String id = importEmployee("np" + BATCH.incrementAndGet());
        double dropped = dropped(MessageKind.REMINDER);

        notifier.notifyUser(id, MessageKind.APPROVAL_REQUEST, said("Please approve the purchase of a standing desk"));
        notifier.notifyUser(id, MessageKind.REMINDER, said("Reminder: a task waits for you"));
        notifier.notifyUser(id, MessageKind.STATUS, said("Your request moved on"));
        notifier.notifyUser(id, MessageKind.REPLY, said("[T-7] Your question: the answer"));

        assertThat(outbox.to(id)).extracting(NotificationPolicyTest::firstLine).as("and the answers to what they wrote")
                .containsExactly("Please approve the purchase of a standing desk", "[T-7] Your question: the answer");
        assertThat(dropped(MessageKind.REMINDER)).as("a dropped message is counted").isEqualTo(dropped + 1);
    }

    @Test
    void aWorkingRoleOrAManualEntryGetsEveryMessage() {
        String expert = importEmployee("nr" + BATCH.incrementAndGet());
        grant(expert, "team-payroll");
        notifier.notifyUser(expert, MessageKind.APPROVAL_REQUEST, said("Approve: holiday request"));
        notifier.notifyUser(expert, MessageKind.REMINDER, said("Reminder: a ticket waits"));
        assertThat(outbox.to(expert)).extracting(NotificationPolicyTest::firstLine)
                .containsExactly("Approve: holiday request", "Reminder: a ticket waits");

        // alice, a demo account entered by hand, holds no working role and still gets everything
        notifier.notifyUser("alice", MessageKind.REMINDER, said("Reminder for " + expert));
        assertThat(outbox.to("alice")).extracting(NotificationPolicyTest::firstLine).contains("Reminder for " + expert);
    }

    @Test
    void theNdaReminderOfTheProcessReachesAnImportedLawyer() {
        String lawyer = importEmployee("nl" + BATCH.incrementAndGet());
        grant(lawyer, "legal");
        try {
            AccessRequestView request = fixtures.submit("alice", fixtures.newPartner(), LocalDate.now().plusMonths(2));
            ProcessInstance nda = fixtures.nda(fixtures.instance(request));
            driver.fireTimer(nda.getId(), "Event_NdaReminder");
            assertThat(outbox.to(lawyer)).singleElement().satisfies(d -> assertThat(d.body()).contains("Reminder")
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
        assertThat(outbox.to(outsider.partnerContactEmail())).singleElement()
                .satisfies(d -> assertThat(d.body()).contains(outsiderLink));

        var imported = fixtures.draft("Globex", LocalDate.now().plusMonths(3));
        imported = new AccessRequestDraft(imported.workspace(), imported.channelName(),
                imported.partnerOrganisation(), "Gina Globex", contactEmail, imported.projectName(), imported.endDate(),
                imported.purpose());
        AccessRequestView toContact = fixtures.workflow().submit(imported, "alice");
        driver.runJobs(fixtures.instance(toContact).getId());
        String contactLink = fixtures.token(toContact);
        assertThat(outbox.to(contactEmail)).as("the link asks for the partner's approval")
                .singleElement().satisfies(d -> assertThat(d.body()).contains(contactLink));
        assertThat(outbox.to("alice")).as("mail is sent here: the requester is told, and never handed, the link")
                .anySatisfy(d -> assertThat(d.body()).contains(contactEmail + ") has been sent the invitation link"))
                .noneSatisfy(d -> assertThat(d.body()).contains(contactLink));

        notifier.notifyAddress(contactEmail, MessageKind.STATUS, said("News for an imported contact"));
        notifier.notifyAddress(outsider.partnerContactEmail(), MessageKind.STATUS, said("News for an outsider"));
        assertThat(outbox.to(contactEmail)).hasSize(1);
        assertThat(outbox.to(outsider.partnerContactEmail())).extracting(NotificationPolicyTest::firstLine)
                .contains("News for an outsider");
    }

    /** A message whose text is {@code text}, written with a template of the deployment. */
    private static MessageTemplate said(String text) {
        return MessageTemplate.of("group-reminder", null).with("message", text).with("group", "test").with("process", "Test");
    }

    /** The first line of the message's text: what {@link #said} put there. */
    private static String firstLine(Sent message) {
        return message.text().lines().findFirst().orElse("");
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
