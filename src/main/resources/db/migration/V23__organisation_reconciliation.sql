-- A9 (issue 15): the nightly reconciliation of process organisation-reconciliation, one run per instance (its business
-- key is the run's id), and what it found: the outside organisations the chat platform connects the host with that
-- Gatehouse never approved. Portable SQL: runs on H2 and PostgreSQL.
create table reconciliation_run (
    id                  varchar(36)  primary key,
    finished_at         timestamp    not null,
    connected           int          not null,      -- organisations the platform connects the host with
    unapproved          int          not null,      -- of which Gatehouse never approved (the findings)
    process_instance_id varchar(64)  not null
);
create index reconciliation_run_finished_ix on reconciliation_run (finished_at);

create table reconciliation_finding (
    run_id      varchar(36)   not null references reconciliation_run (id),
    platform_id varchar(64)   not null,             -- the platform's id of the organisation (Slack's team id)
    name        varchar(200),
    channels    int           not null,             -- channels the platform says are shared with it
    partner_id  varchar(64),                        -- the directory's partner it is, by its name or its channels
    finding     varchar(500)  not null,
    primary key (run_id, platform_id)
);
