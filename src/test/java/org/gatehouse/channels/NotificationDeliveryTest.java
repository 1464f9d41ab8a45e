package org.gatehouse.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.gatehouse.HttpTest;
import org.gatehouse.TestMailServer;
import org.gatehouse.access.AccessRequestView;
import org.gatehouse.channels.OutboxMessages.Sent;
import org.gatehouse.directory.PersonService;
import org.gatehouse.experts.ExpertFixtures;
import org.gatehouse.intake.Mailboxes;
import org.gatehouse.platform.TrustedCalls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Every message reaches its person by e-mail, through a real SMTP server: written to the outbox by the step that
 * decides it, sent by its own job, once, also across a server outage.
 */
class NotificationDeliveryTest extends HttpTest {

    @Autowired OutboxMessages outbox;
    @Autowired ExpertFixtures experts;
    @Autowired Notifier notifier;
    @Autowired Mailboxes mail;
    @Autowired PersonService people;
    @Autowired ProcessEngine engine;

    @Test
    void thePartnersContactIsMailedTheInvitationAndTheLinkOpens() throws MessagingException {
        AccessRequestView request = fixtures.submit("alice", "Globex", LocalDate.now().plusMonths(2));
        driver.runJobs(fixtures.instance(request).getId());

        assertThat(api.as("admin").get("/api/outbox?recipient=" + request.partnerContactEmail().toUpperCase())
                .getBody()).as("the outbox finds an address however it is written").hasSize(1);
        MimeMessage received = deliver(request.partnerContactEmail());
        assertThat(received.getSubject()).isEqualTo("Acme invites Globex to share #" + request.channelName());
        String token = fixtures.token(request);
        assertThat(Mailboxes.text(received)).contains("/invite/" + token).contains(request.projectName());
        assertThat(Mailboxes.header(received, "Auto-Submitted")).isEqualTo("auto-generated");
        assertThat(api.get("/invite/" + token).getStatusCode()).as("the mailed link opens").isEqualTo(HttpStatus.OK);
    }

    @Test
    void anApproverAndAnExpertInviteeAreMailedTheirLinks() throws MessagingException {
        String expert = experts.newExpert();
        String approver = experts.newImportedEmployee();
        ResponseEntity<JsonNode> asked = api.as(expert).post("/api/approvals", Map.of("approver", approver,
                "subject", "Standing desk", "details", "For the back", "subjectRef", "ticket-9"));
        driver.runJobs(driver.instance(asked.getBody().get("id").asText()).getId());
        assertThat(Mailboxes.text(deliver(emailOf(approver)))).contains("/approvals/" + experts.token(approver, "/approvals/"))
                .contains("Standing desk");

        String invitee = experts.newEmployee();
        String invitation = api.as(expert).post("/api/experts/invitations", Map.of("personId", invitee)).getBody()
                .get("id").asText();
        driver.runJobs(driver.instance(invitation).getId());
        String link = "/expert-invitations/" + experts.token(invitee);
        assertThat(Mailboxes.text(deliver(emailOf(invitee)))).contains(link);
        assertThat(api.get(link).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void legalIsRemindedAndWorkspaceAdminsEscalatedByMail() throws MessagingException {
        AccessRequestView request = fixtures.submit("alice", fixtures.newPartner(), LocalDate.now().plusMonths(2));
        String pi = fixtures.nda(fixtures.instance(request)).getId();
        driver.fireTimer(pi, "Event_NdaReminder");
        assertThat(Mailboxes.text(deliver(emailOf("lena")))).contains("Reminder").contains(request.projectName());
        driver.fireTimer(pi, "Event_NdaEscalation");
        assertThat(Mailboxes.text(deliver(emailOf("bob")))).contains("Escalation").contains(request.projectName());
        fixtures.workflow().withdraw(request.id(), "alice");
    }

    @Test
    void aServerOutageBecomesRetriesAndTheMessageArrivesOnceWhenItIsBack() throws MessagingException {
        notifier.notifyAddress("outage@partner.example", MessageKind.STATUS, MessageTemplate.of("group-reminder", null)
                .with("message", "Sent across an outage").with("group", "test").with("process", "Test"));
        Sent message = outbox.to("outage@partner.example").get(0);
        String instance = driver.instance(message.id()).getId();

        TestMailServer.stop();
        try {
            Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
            assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
                    .as("the server is down").isNotNull();
            Job retried = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
            assertThat(retried.getRetries()).as("a retry is due, no incident yet").isEqualTo(4);
            assertThat(outbox.to("outage@partner.example").get(0).status()).isEqualTo(Notification.Status.PENDING);
        } finally {
            TestMailServer.restart();
        }
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(2))));
        driver.runJobs(instance);

        assertThat(mail.inbox("outage@partner.example")).as("arrived once the server was back").hasSize(1);
        assertThat(outbox.to("outage@partner.example").get(0).status()).isEqualTo(Notification.Status.SENT);
        TrustedCalls.run(() -> notifier.deliver(message.id(), instance));
        assertThat(mail.inbox("outage@partner.example")).as("a recorded success is never sent again").hasSize(1);
        assertThat(mail.inbox("outage@partner.example").get(0).getMessageID())
                .isEqualTo("<" + Notifier.MESSAGE_ID_PREFIX + message.id() + "@acme.example>");
    }

    @Test
    void aMessageIsSentOnlyByItsOwnInstance() {
        notifier.notifyAddress("owner@partner.example", MessageKind.STATUS, MessageTemplate.of("group-reminder", null)
                .with("message", "Mine").with("group", "test").with("process", "Test"));
        Sent message = outbox.to("owner@partner.example").get(0);
        assertThatThrownBy(() -> TrustedCalls.run(() -> notifier.deliver(message.id(), "another-instance")))
                .hasMessageContaining("not this process instance's message");
        assertThat(outbox.to("owner@partner.example").get(0).status()).isEqualTo(Notification.Status.PENDING);
    }

    @Test
    void nobodyButGatehouseStartsASendOverTheEngineRestApi() {
        notifier.notifyAddress("door@partner.example", MessageKind.STATUS, MessageTemplate.of("group-reminder", null)
                .with("message", "Once").with("group", "test").with("process", "Test"));
        Sent message = outbox.to("door@partner.example").get(0);
        for (String user : List.of("alice", "bob", "ivy")) {
            assertThat(api.as(user).post("/engine-rest/process-definition/key/" + NotificationProcess.KEY + "/start",
                    Map.of("businessKey", message.id())).getStatusCode()).as(user + ": not even the definition is theirs to see")
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(message.id())
                .count()).as("only its own instance").isEqualTo(1);
    }

    @Test
    void anAnswerToANotificationOpensNoTicket() throws MessagingException {
        String employee = experts.newEmployee();
        notifier.notifyUser(employee, MessageKind.STATUS, MessageTemplate.of("group-reminder", null)
                .with("message", "Your request moved on").with("group", "test").with("process", "Test"));
        MimeMessage notice = deliver(emailOf(employee));

        mail.write(emailOf(employee), "Re: " + notice.getSubject(), "Thanks, noted!",
                "In-Reply-To: " + notice.getMessageID(), "References: " + notice.getMessageID());
        mail.poll();

        assertThat(api.as(employee).get("/api/tickets").getBody()).as("no ticket").isEmpty();
        assertThat(api.as("ivy").get("/api/intake/messages?status=IGNORED").getBody().findValuesAsText("reason"))
                .contains("an answer to one of Gatehouse's notifications, which ask for answers by their links");
    }

    /** Runs the send jobs of what waits for {@code address}; the one mail it received since. */
    private MimeMessage deliver(String address) throws MessagingException {
        outbox.to(address).stream().filter(m -> m.status() == Notification.Status.PENDING)
                .forEach(m -> driver.runJobs(driver.instance(m.id()).getId()));
        assertThat(outbox.to(address)).as("everything to " + address + " sent")
                .allSatisfy(m -> assertThat(m.status()).isEqualTo(Notification.Status.SENT));
        List<MimeMessage> received = mail.inbox(address);
        assertThat(received).as("mail to " + address).isNotEmpty();
        return received.get(received.size() - 1);
    }

    private String emailOf(String personId) {
        return people.get(personId).email();
    }
}
