package org.gatehouse.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.ProcessEngine;
import org.gatehouse.GatehouseTest;
import org.gatehouse.intake.Inbound;
import org.gatehouse.intake.IntakeService;
import org.gatehouse.tickets.ContactChannel;
import org.gatehouse.tickets.TicketProcess;
import org.gatehouse.tickets.TicketService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How many tickets per second go from the intake to routed: each message stored, checked, opened as a ticket,
 * its process started, the routing decision taken, the SLA clocks set in the team's business hours and the team's
 * handling task created, one transaction per step as in production. Half the messages name their team, half are
 * routed by keywords; half come over the API, half as e-mail from an employee's address.
 *
 * <p>Prints figures, asserts none about time. Tagged {@code benchmark}: {@code mvn verify -Pbenchmark} runs it on H2
 * and PostgreSQL. {@code -Dbenchmark.tickets} (default 300) sets N, {@code -Dbenchmark.ticket-warmup} (default 300)
 * the unmeasured tickets first: the intake's path reaches its pace only after a few hundred (50 gave 39/s, 300 gave 62/s).
 */
@Tag("benchmark")
@GatehouseTest
class TicketBenchmark {

    static final int TICKETS = Integer.getInteger("benchmark.tickets", 300);
    static final int WARMUP = Integer.getInteger("benchmark.ticket-warmup", 300);

    @Autowired IntakeService intake;
    @Autowired TicketService tickets;
    @Autowired ProcessEngine engine;

    @Test
    void ticketsPerSecondFromIntakeToRouted() {
        for (int i = 0; i < WARMUP; i++) {
            file(i);
        }
        List<Long> measured = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < TICKETS; i++) {
            measured.add(file(i));
        }
        long nanos = System.nanoTime() - start;

        assertThat(measured).allSatisfy(id -> assertThat(tickets.get(id).team()).isNotNull());
        assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey(TicketProcess.KEY)
                .taskDefinitionKey(TicketProcess.TASK_HANDLE).processInstanceBusinessKeyIn(measured.stream()
                        .map(String::valueOf).toArray(String[]::new)).count()).isEqualTo(TICKETS);
        double perSecond = Figures.perSecond(TICKETS, nanos);
        Figures.print(String.format(Locale.ROOT, "benchmark %s: tickets from intake to routed %.1f/s (%.1f ms/ticket) "
                + "(N=%d, warm-up %d)", Figures.database(), perSecond, 1000 / perSecond, TICKETS, WARMUP));
    }

    private long file(int i) {
        boolean byEmail = i % 2 == 1;
        String category = i % 4 < 2 ? "finance" : null;
        Inbound message = new Inbound(byEmail ? ContactChannel.EMAIL : ContactChannel.API,
                byEmail ? "alice@acme.example" : "alice", "Alice Martin", "Expense " + i,
                "Please reimburse my expense number " + i + " from the trip to Lyon.", category, null,
                byEmail ? "bench-" + System.nanoTime() + "@acme.example" : null, List.of(), null, null);
        return intake.receive(message).ticketId();
    }
}
