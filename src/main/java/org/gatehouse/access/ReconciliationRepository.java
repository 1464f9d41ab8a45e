package org.gatehouse.access;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReconciliationRepository {

    record Run(String id, LocalDateTime finishedAt, int connected, int unapproved) {
    }

    private final JdbcClient jdbc;

    ReconciliationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One run and its findings; a second run with the same id (its instance's business key) breaks the key. */
    void insert(Run run, String processInstanceId, List<OrganisationSharing.Unapproved> findings) {
        jdbc.sql("insert into reconciliation_run (id, finished_at, connected, unapproved, process_instance_id) "
                        + "values (?, ?, ?, ?, ?)")
                .params(run.id(), run.finishedAt(), run.connected(), run.unapproved(), processInstanceId).update();
        for (var f : findings) {
            jdbc.sql("insert into reconciliation_finding (run_id, platform_id, name, channels, partner_id, finding) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(run.id(), f.platformId(), f.name(), f.channels(), f.partnerId(), f.finding()).update();
        }
    }

    Optional<Run> latest() {
        return jdbc.sql("select id, finished_at, connected, unapproved from reconciliation_run "
                + "order by finished_at desc, id fetch first 1 rows only").query(Run.class).optional();
    }

    List<OrganisationSharing.Unapproved> findings(String runId) {
        return jdbc.sql("select platform_id, name, channels, partner_id, finding from reconciliation_finding "
                + "where run_id = ? order by name, platform_id").param(runId).query(OrganisationSharing.Unapproved.class)
                .list();
    }
}
