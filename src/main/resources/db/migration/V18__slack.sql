-- Slack (issue 11). Portable SQL: runs on H2 and PostgreSQL.

-- directory: the Slack workspace (team) each of the host's workspaces is; null until it is connected to Slack
alter table workspace add column slack_team_id varchar(20);
create unique index workspace_slack_team_uk on workspace (slack_team_id);

-- slack: every Events API event handled, by Slack's event_id. Inserted before the event is handled: Slack's retry of
-- one it has (or a copy that arrives while the first is handled) finds its id and changes nothing
create table slack_event (
    id          varchar(64) primary key,
    event_type  varchar(64) not null,
    team_id     varchar(20),
    received_at timestamp   not null
);
create index slack_event_received_ix on slack_event (received_at);

-- slack: the Slack channel each of Gatehouse's channels is, and what the gateway did there that a retry must not do
-- twice (the house-rules note posted, the Slack Connect invitation sent). No key to channel: a channel's row is
-- written outside the caller's transaction, which may not have committed the channel yet
create table slack_channel (
    channel_id       varchar(36)  primary key,
    slack_channel_id varchar(20)  not null,
    note_ts          varchar(32),
    note_digest      varchar(64),
    invite_id        varchar(32),
    invited_email    varchar(254),
    recorded_at      timestamp    not null
);
