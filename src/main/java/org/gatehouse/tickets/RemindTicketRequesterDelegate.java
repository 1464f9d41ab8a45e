package org.gatehouse.tickets;

import static org.gatehouse.tickets.TicketProcess.REMINDER_TEXT;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.samskivert.mustache.Mustache;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * A pending ticket's requester has not answered: the reminder (input {@code reminderText}, the process owners' words)
 * is posted as Gatehouse's reply on the ticket, which the model's next step delivers in the ticket's own thread; an
 * e-mail requester's answer to it then comes back to the ticket. The text may name {@code {{closesOn}}}, the day the
 * model's own timer closes the unanswered ticket, so that it never repeats the timer's duration.
 */
@Component("remindTicketRequester")
class RemindTicketRequesterDelegate implements JavaDelegate {

    /** The timer that closes a ticket whose requester stays silent. */
    static final String REQUESTER_SILENT = "Event_RequesterSilent";

    private final TicketHandling handling;
    private final TicketService tickets;
    private final Clock clock;

    RemindTicketRequesterDelegate(TicketHandling handling, TicketService tickets, Clock clock) {
        this.handling = handling;
        this.tickets = tickets;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> values = new HashMap<>();
        Job closing = execution.getProcessEngineServices().getManagementService().createJobQuery()
                .processInstanceId(execution.getProcessInstanceId()).activityId(REQUESTER_SILENT).timers().singleResult();
        if (closing != null) {
            values.put("closesOn", LocalDate.ofInstant(closing.getDuedate().toInstant(), clock.getZone()));
        }
        // a value the text names and the model lacks (the timer removed) fails the step, visibly
        String text = Mustache.compiler().escapeHTML(false).compile(REMINDER_TEXT.from(execution)).execute(values);
        handling.remindRequester(OwnTicket.of(execution, tickets), text);
    }
}
