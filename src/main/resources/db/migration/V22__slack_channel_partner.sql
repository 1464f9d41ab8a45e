-- slack: the outside organisation a Slack channel was shared with, kept after it is unshared, so that ending the
-- partnership with direct messages disabled finds the partner's Slack teams (team.externalTeams.disconnect)
alter table slack_channel add column partner_id varchar(64);
create index slack_channel_partner_ix on slack_channel (partner_id);
