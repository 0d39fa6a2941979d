-- An outbox row may hold many messages: payload type 'frames', its payload the messages in the order they were
-- appended (outbox.OutboxFrames). message_count says how many, so that a relay round takes at most its batch
-- size. Rows written before this migration hold one message each.
alter table outbox_message add column message_count int default 1 not null;
