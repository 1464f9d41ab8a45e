-- Slack's own invitation requests (issue 11): when the member was told, in a direct message, that their invitation
-- request was denied because nobody filed the access request for it in time; a retry of that step tells them nothing
-- twice. Portable SQL: runs on H2 and PostgreSQL.
alter table slack_invite_request add column member_told_at timestamp;
