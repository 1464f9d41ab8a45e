package org.gatehouse.access;

import java.util.List;

import org.gatehouse.platform.ChangeLog;
import org.springframework.stereotype.Component;

/**
 * A request's events and an offboarding's (who did what, when) are their change logs: kept as long as the engine keeps
 * its history.
 */
@Component
class AccessRequestChangeLog implements ChangeLog {

    @Override
    public List<Table> changeLogTables() {
        return List.of(Table.of("access_request_event", "at"), Table.of("offboarding_event", "at"));
    }
}
