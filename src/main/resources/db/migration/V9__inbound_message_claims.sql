-- One claim per Message-ID: two instances reading the same mailbox, or one reading a message twice after a crash,
-- handle each e-mail once. The unique key decides, in the database, which one does.
create table inbound_message_claim (
    message_id  varchar(998)  primary key,
    inbound_id  varchar(36)   not null,
    claimed_at  timestamp     not null
);
