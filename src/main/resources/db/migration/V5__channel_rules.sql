-- A1: besides who may share, who may create, modify (rename), disconnect and archive shared channels
create table channel_rule (
    action         varchar(16)   primary key,       -- CREATE | MODIFY | DISCONNECT | ARCHIVE
    rule_mode      varchar(16)   not null,          -- ADMINS_ONLY | GROUPS | EVERYONE
    allowed_groups varchar(1000) not null,
    changed_by     varchar(64)   not null,
    changed_at     timestamp     not null
);
insert into channel_rule (action, rule_mode, allowed_groups, changed_by, changed_at) values
    ('CREATE', 'EVERYONE', '', 'gatehouse', current_timestamp),
    ('MODIFY', 'ADMINS_ONLY', '', 'gatehouse', current_timestamp),
    ('DISCONNECT', 'ADMINS_ONLY', '', 'gatehouse', current_timestamp),
    ('ARCHIVE', 'ADMINS_ONLY', '', 'gatehouse', current_timestamp);

alter table channel add column archived_at timestamp;
