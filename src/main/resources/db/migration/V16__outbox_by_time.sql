-- The nightly purge of the change logs (platform/ChangeLogPurge) takes the outbox's messages oldest first, a batch at
-- a time; the other change logs have theirs (configuration_version here, the events' since V15).
create index notification_created_ix on notification (created_at);
