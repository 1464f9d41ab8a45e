package org.gatehouse.tickets;

import static org.gatehouse.tickets.TicketProcess.SLA_CLOCK;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SLA timers of the handling sub-process: a warning before a target falls due, an escalation when it is
 * breached. The timer's {@code slaClock} input names the target; a clock stopped meanwhile makes them do nothing.
 */
@Configuration
class TicketSlaDelegates {

    @Bean("warnTicketSla")
    JavaDelegate warnTicketSla(TicketSlaAlerts alerts, TicketService tickets) {
        return execution -> alerts.warn(OwnTicket.of(execution, tickets), clock(execution));
    }

    @Bean("escalateTicketSla")
    JavaDelegate escalateTicketSla(TicketSlaAlerts alerts, TicketService tickets) {
        return execution -> alerts.escalate(OwnTicket.of(execution, tickets), clock(execution));
    }

    private static SlaClock clock(DelegateExecution execution) {
        return SlaClock.valueOf(SLA_CLOCK.from(execution));
    }
}
