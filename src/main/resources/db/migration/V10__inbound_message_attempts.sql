-- An e-mail whose handling failed (a suspended process, a lost database connection) is handled again from its stored
-- copy, a few times, instead of from the mailbox: one message that keeps failing must not hold up the others.
alter table inbound_message add column attempts int default 0 not null;
