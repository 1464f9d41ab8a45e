package org.gatehouse.tickets;

import java.util.List;

import org.gatehouse.platform.ChangeLog;
import org.springframework.stereotype.Component;

/**
 * A ticket's events (status changes, requester changes, SLA breaches) are its change log: kept as long as the engine
 * keeps its history. Its conversation is the ticket itself and stays with it.
 */
@Component
class TicketChangeLog implements ChangeLog {

    @Override
    public List<Table> changeLogTables() {
        return List.of(Table.of("ticket_event", "created_at"));
    }
}
