-- C2: which employee attributes experts see about a requester, chosen by admins
create table requester_attribute_policy (
    id         int           primary key,
    attributes varchar(500)  not null,               -- comma-separated, in display order
    changed_by varchar(64)   not null,
    changed_at timestamp     not null
);
insert into requester_attribute_policy (id, attributes, changed_by, changed_at)
values (1, 'name,position,department,profile', 'gatehouse', current_timestamp);
