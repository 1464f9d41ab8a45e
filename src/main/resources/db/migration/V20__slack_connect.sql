-- Slack Connect, host side (issue 11). Portable SQL: runs on H2 and PostgreSQL.

-- access: the platform's own invitation to the partner (Slack Connect's invite_id), which every answer of Slack's
-- names and so finds its request; and whether the request's step made its channel, which a request that comes to
-- nothing archives again
alter table access_request add column invite_id varchar(32);
alter table access_request add column channel_created boolean default false not null;
create unique index access_request_invite_uk on access_request (invite_id);

-- slack: whether Gatehouse created the Slack channel (conversations.create) rather than found it there, since only a
-- channel it made may be archived for a request that came to nothing; and the partner's Slack team once they accepted,
-- which the approval names (target_team) and which Slack's channel_shared and channel_unshared must name
alter table slack_channel add column created boolean default false not null;
alter table slack_channel add column partner_team_id varchar(20);
create index slack_channel_slack_ix on slack_channel (slack_channel_id);
create index slack_channel_invite_ix on slack_channel (invite_id);
