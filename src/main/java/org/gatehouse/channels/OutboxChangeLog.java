package org.gatehouse.channels;

import java.util.List;

import org.gatehouse.platform.ChangeLog;
import org.springframework.stereotype.Component;

/**
 * The outbox is the log of what Gatehouse told whom: a message sent, or kept because sending is off, goes once
 * older than the retention; one still waiting to be sent stays, however old.
 */
@Component
class OutboxChangeLog implements ChangeLog {

    @Override
    public List<Table> changeLogTables() {
        return List.of(Table.of("notification", "created_at").onlyIf("logged.status in ('SENT', 'KEPT')"));
    }
}
