-- Ending a partnership (A10): the confirmation has a time limit and can be called off. Portable SQL: H2 and PostgreSQL.
-- confirm_by: when the offboarding ends EXPIRED unless a second admin answered; null for those asked before it existed
alter table offboarding add column confirm_by timestamp;
-- who called it off while it awaited the confirmation (the admin who asked, or a workspace admin), and when
alter table offboarding add column cancelled_by varchar(64);
alter table offboarding add column cancelled_at timestamp;
