-- directory: the people Gatehouse knows (employees from HR, contacts from the chat platforms) and their roles.
-- The directory is the source; Camunda's identity service follows it (IdentitySync).

create table person (
    id              varchar(64)  primary key,       -- the user id in Camunda's identity
    employee_id     varchar(64),
    first_name      varchar(100) not null,
    last_name       varchar(100) not null,
    email           varchar(254) not null,
    email_key       varchar(254) not null,          -- lower-cased e-mail: people are matched on it
    position        varchar(200),
    department      varchar(200),
    supervisor_id   varchar(64),
    office          varchar(200),
    time_zone       varchar(64),
    status          varchar(16)  not null,          -- ACTIVE | INACTIVE
    kind            varchar(16)  not null,          -- EMPLOYEE | CONTACT
    organisation_id varchar(64)  not null references organisation (id),
    slack_user_id   varchar(64),
    teams_user_id   varchar(128),
    created_at      timestamp    not null,
    updated_at      timestamp    not null
);
create unique index person_employee_uk on person (employee_id);
create unique index person_email_uk on person (email_key);
create unique index person_slack_uk on person (slack_user_id);
create unique index person_teams_uk on person (teams_user_id);

create table person_role (
    person_id  varchar(64) not null references person (id),
    group_id   varchar(64) not null,
    granted_by varchar(64) not null,
    granted_at timestamp   not null,
    primary key (person_id, group_id)
);

create table directory_import (
    id          varchar(36)  primary key,
    kind        varchar(24)  not null,              -- EMPLOYEES | SLACK_CONTACTS | TEAMS_CONTACTS
    source_name varchar(200) not null,
    started_by  varchar(64)  not null,
    started_at  timestamp    not null,
    finished_at timestamp,
    status      varchar(16)  not null,              -- RUNNING | COMPLETED | REFUSED
    total_rows  int          not null,
    processed   int          not null,
    created     int          not null,
    updated     int          not null,
    unchanged   int          not null,
    refused     int          not null
);

create table directory_import_refusal (
    import_id varchar(36)   not null references directory_import (id),
    line      int           not null,
    reason    varchar(1000) not null
);
create index directory_import_refusal_ix on directory_import_refusal (import_id, line);
