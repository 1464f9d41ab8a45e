-- C5: chat contacts join the directory, and imported people are told only what they must decide.

-- an outside contact is matched to their organisation by e-mail domain (lower-cased, one organisation per domain)
alter table organisation add column email_domain varchar(253);
create unique index organisation_email_domain_uk on organisation (email_domain);

-- how a person came into the directory, set once when they are created:
-- MANUAL | HR_IMPORT | SLACK_IMPORT | TEAMS_IMPORT. People created before this column are taken as MANUAL.
alter table person add column source varchar(16) default 'MANUAL' not null;

-- members of a chat export that are not people (bots, deleted accounts) are counted, not imported
alter table directory_import add column skipped int default 0 not null;
