-- Approval requests (the exception of C5): one row per approval instance (its business key is the id), started alone
-- or as the ticket lifecycle's call activity. Portable SQL: runs on H2 and PostgreSQL.
create table approval (
    id             varchar(36)   primary key,
    approver       varchar(64)   not null references person (id),
    requested_by   varchar(64)   not null,
    subject        varchar(200)  not null,
    details        varchar(4000),
    subject_ref    varchar(200),                     -- what the caller passes through, e.g. the ticket's id
    status         varchar(16)   not null,           -- PENDING | APPROVED | REJECTED | EXPIRED
    token_hash     varchar(64)   not null,           -- SHA-256 of the link's token; the token itself is never stored
    expires_at     timestamp     not null,
    token_used_at  timestamp,                        -- the link was answered (it works once)
    reminded_at    timestamp,
    answered_at    timestamp,
    answered_by    varchar(64),
    answered_via   varchar(16),                      -- TASKLIST | LINK
    answer_comment varchar(2000),
    created_at     timestamp     not null,
    updated_at     timestamp     not null
);
create unique index approval_token_uk on approval (token_hash);
create index approval_approver_ix on approval (approver, created_at);
create index approval_subject_ref_ix on approval (subject_ref);
