package org.gatehouse.slack;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.gatehouse.platform.ChangeLog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every Events API event Gatehouse took, by Slack's {@code event_id}: written before the event is handled, so that
 * Slack's retry of an event (or a copy arriving while the first is handled) finds it and changes nothing. Kept as
 * long as the other change logs.
 */
@Repository
class SlackEventLog implements ChangeLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    SlackEventLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the event; false when it is recorded already. The database's unique key decides between two copies. */
    boolean firstTime(String eventId, String eventType, String teamId) {
        try {
            jdbc.sql("insert into slack_event (id, event_type, team_id, received_at) values (?, ?, ?, ?)")
                    .params(eventId, eventType, teamId, LocalDateTime.now(clock)).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public List<Table> changeLogTables() {
        return List.of(Table.of("slack_event", "received_at"));
    }
}
