package org.gatehouse.audit;

import java.util.List;

import org.gatehouse.platform.ChangeLog;
import org.springframework.stereotype.Component;

/** Who read the trail is a log like the others it reads: kept as long as the history it was read from. */
@Component
class AuditReadChangeLog implements ChangeLog {

    @Override
    public List<Table> changeLogTables() {
        return List.of(Table.of("audit_read", "at"));
    }
}
