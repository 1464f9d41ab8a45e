-- Slack's own invitation requests (issue 11): a member invited someone from outside from Slack's menu, and Slack waits
-- for Gatehouse's answer (Enterprise Grid, with the governance setting on). Portable SQL: runs on H2 and PostgreSQL.
-- request_id: the access request the member filed for it, once filed (one request per invitation request).
-- decision: APPROVE or DENY, written with the request's final status in the same transaction; answered_at: when Slack
-- took the answer, so that a retry of the job answers nothing twice.
create table slack_invite_request (
    invite_id        varchar(32)   primary key,
    slack_user_id    varchar(20)   not null,
    team_id          varchar(20),
    slack_channel_id varchar(20)   not null,
    channel_name     varchar(80),
    invited_email    varchar(254),
    request_id       varchar(36)   unique,
    decision         varchar(8),
    reason           varchar(2000),
    answered_at      timestamp,
    received_at      timestamp     not null
);
