package org.gatehouse.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.gatehouse.EngineTest;
import org.gatehouse.TestBundles;
import org.gatehouse.experts.ExpertFixtures;
import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.TrustedCalls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Defence in depth for {@code ticket-lifecycle}: a ticket belongs to the instance that first acted on it, and its
 * status moves only as its lifecycle allows, whatever step an admin's engine-level change reaches; an instance of a
 * model from before the handling task could come back does not keep a ticket.
 */
class TicketDefenceTest extends EngineTest {

    @Autowired TicketWorkflow workflow;
    @Autowired TicketService tickets;
    @Autowired ExpertFixtures experts;

    @Test
    void aSecondInstanceWithATicketsNumberTouchesNothing() {
        Ticket ticket = open();
        Map<String, Object> variables = new HashMap<>(Map.of("ticketId", ticket.id(), "routingText", "payslip"));
        variables.put("category", "hr");

        assertThatThrownBy(() -> driver.as("admin", () -> runtime.startProcessInstanceByKey(TicketProcess.KEY,
                ticket.businessKey(), variables))).satisfies(e -> refused(e, "belongs to another process instance"));
        assertThatThrownBy(() -> driver.as("admin", () -> runtime.createProcessInstanceByKey(TicketProcess.KEY)
                .businessKey(ticket.businessKey()).setVariables(variables).startBeforeActivity("Activity_CloseTicket")
                .execute(true, true))).satisfies(e -> refused(e, "belongs to another process instance"));

        assertThat(tickets.get(ticket.id()).status()).isEqualTo(Ticket.Status.NEW);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(ticket.businessKey()).count()).isOne();
    }

    @Test
    void aStepOutOfOrderInTheTicketsOwnInstanceIsRolledBack() {
        Ticket ticket = open();
        ProcessInstance pi = driver.instance(ticket.businessKey());

        assertThatThrownBy(() -> driver.as("admin", () -> {
            runtime.createProcessInstanceModification(pi.getId()).startBeforeActivity("Activity_CloseTicket")
                    .execute(true, true);
        })).satisfies(e -> refused(e, "is NEW: it cannot become CLOSED"));
        assertThatThrownBy(() -> driver.as("admin", () -> {
            runtime.createProcessInstanceModification(pi.getId()).startBeforeActivity("Activity_ReopenTicket")
                    .execute(true, true);
        })).satisfies(e -> refused(e, "it does not wait for the requester"));

        assertThat(tickets.get(ticket.id()).status()).isEqualTo(Ticket.Status.NEW);
        assertThat(pi).isWaitingAt("handleTicket");
    }

    @Test
    void aModelFromBeforeTheTaskCouldComeBackKeepsNoTicket() throws IOException {
        // the shape ticket-lifecycle had: the expert's work recorded after the handling sub-process, not inside it
        String key = "ticket-lifecycle-before-keeping";
        RepositoryService repository = engine.getRepositoryService();
        // deployed as owners deploy: beside the whole bundle, which every deployment must be
        Map<String, String> bundle = TestBundles.next(engine);
        bundle.put(key + ".bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(2557)
                .startEvent().serviceTask("Activity_ApplyAction").camundaDelegateExpression("${applyTicketAction}")
                .endEvent().done()));
        var builder = repository.createDeployment();
        bundle.forEach(builder::addString);
        String deployment = builder.deploy().getId();
        try {
            assertThatThrownBy(() -> driver.as("admin", () -> runtime.startProcessInstanceByKey(key,
                    Map.of("ticketAction", "KEEP", "transferTo", "finance")))).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("predates keeping and transferring a ticket");
        } finally {
            // the shared context's other tests see only Gatehouse's processes
            TrustedCalls.run(() -> repository.deleteDeployment(deployment, true, true));
        }
    }

    private Ticket open() {
        String requester = experts.newEmployee();
        return workflow.open(new NewTicket("Payslip", "Where is my payslip?", "hr", ContactChannel.API, requester,
                requester, "Xena " + requester, requester, Origin.none()));
    }
}
