-- Defence in depth (issue 8): every domain record names the process instance that owns it, so that a step run by
-- another instance (a second start with the same business key, another process) refuses to touch it. Set by the
-- register step; rows from before this migration are bound by the first instance that touches them.
alter table access_request add column process_instance_id varchar(64);
alter table expert_invitation add column process_instance_id varchar(64);
alter table approval add column process_instance_id varchar(64);
alter table ticket add column process_instance_id varchar(64);

-- The host admin's decision itself, not only who took it: a channel connects only once it is recorded as approved.
alter table access_request add column host_approved boolean;
