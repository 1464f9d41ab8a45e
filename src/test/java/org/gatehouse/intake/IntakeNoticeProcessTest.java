package org.gatehouse.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gatehouse.EngineTest;
import org.gatehouse.experts.ExpertFixtures;
import org.gatehouse.platform.InvalidInputException;
import org.gatehouse.tickets.ContactChannel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code intake-notice}: a person whose e-mail was refused is told why, in their thread; nobody else is. */
class IntakeNoticeProcessTest extends EngineTest {

    @Autowired IntakeService intake;
    @Autowired ExpertFixtures experts;
    @Autowired Mailboxes mail;

    private Inbound email(String from, String subject, String body, String messageId, String automated) {
        return new Inbound(ContactChannel.EMAIL, from, "Xena", subject, body, null, null, messageId, List.of(), automated, null);
    }

    private long notices() {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(IntakeNoticeProcess.KEY).count();
    }

    @Test
    void theSenderOfARefusedMailIsToldWhyInTheirThread() {
        String from = experts.newEmployee() + "@acme.example";
        String id = intake.store(ContactChannel.EMAIL, null, "cmF3");
        IntakeService.Outcome outcome = intake.handle(id, email(from, "Hello", " ", "first-" + id + "@acme.example", null));
        assertThat(outcome.status()).isEqualTo(InboundMessage.Status.REFUSED);

        ProcessInstance notice = driver.instance(id);
        assertThat(notice).hasPassed("StartEvent_MessageRefused").isWaitingAt("Activity_TellSender");
        driver.runJobs(notice.getId());
        assertThat(notice).hasPassed("Activity_TellSender", "EndEvent_SenderTold").isEnded();
        List<MimeMessage> inbox = mail.inbox(from);
        assertThat(inbox).hasSize(1);
        assertThat(Mailboxes.text(inbox.get(0))).contains("could not take your message \"Hello\"")
                .contains("The message is empty");
        assertThat(Mailboxes.header(inbox.get(0), "In-Reply-To")).isEqualTo("<first-" + id + "@acme.example>");
    }

    @Test
    void machineMadeMailAndTheApiAreNeverAnsweredByMail() {
        long before = notices();
        String from = experts.newEmployee() + "@acme.example";
        String id = intake.store(ContactChannel.EMAIL, null, "cmF3");
        assertThat(intake.handle(id, email(from, "Out of office", "", null, "AUTO_REPLY: Auto-Submitted")).status())
                .isEqualTo(InboundMessage.Status.IGNORED);
        String requester = experts.newEmployee();
        assertThatThrownBy(() -> intake.receive(Inbound.api(requester, "x", "", null, null)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(notices()).isEqualTo(before);
    }
}
