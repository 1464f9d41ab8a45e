-- A refused message keeps an excerpt of what came in (gatehouse.intake.refused-excerpt), never the whole: the size of
-- the whole is kept beside it. An e-mail's size is its bytes as received, any other message's its text's characters.
alter table inbound_message add column received_size bigint;
