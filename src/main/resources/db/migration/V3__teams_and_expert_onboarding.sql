-- C6-C8: teams of experts and the invitations that make an employee an expert. Portable SQL: runs on H2 and PostgreSQL.

-- C8: a team is the Camunda group team-<slug>; who belongs to it is the directory's person_role (group_id team-<slug>)
create table team (
    slug                  varchar(59)  primary key,  -- lower-case words joined by '-'; the group id is 'team-' || slug
    name                  varchar(200) not null,
    business_hours        varchar(11)  not null,     -- HH:mm-HH:mm, in time_zone
    time_zone             varchar(64)  not null,     -- a java.time.ZoneId
    first_response_target varchar(32)  not null,     -- ISO-8601 duration (PT4H, P1D)
    resolution_target     varchar(32)  not null,     -- ISO-8601 duration, not shorter than first_response_target
    created_by            varchar(64)  not null,
    created_at            timestamp    not null,
    updated_by            varchar(64)  not null,
    updated_at            timestamp    not null
);

-- C6, C7: one row per expert-onboarding instance (its business key is the id)
create table expert_invitation (
    id             varchar(36)   primary key,
    person_id      varchar(64)   not null references person (id),
    invited_by     varchar(64)   not null,
    status         varchar(16)   not null,           -- PENDING | ACCEPTED | DECLINED | EXPIRED
    pending_for    varchar(64),                      -- person_id while PENDING, else null: one open invitation a person
    token_hash     varchar(64)   not null,           -- SHA-256 of the link's token; the token itself is never stored
    expires_at     timestamp     not null,
    token_used_at  timestamp,                        -- the link was answered (it works once)
    reminded_at    timestamp,
    answered_at    timestamp,
    decline_reason varchar(2000),
    created_at     timestamp     not null,
    updated_at     timestamp     not null
);
create unique index expert_invitation_token_uk on expert_invitation (token_hash);
create unique index expert_invitation_pending_uk on expert_invitation (pending_for);
create index expert_invitation_person_ix on expert_invitation (person_id, created_at);
