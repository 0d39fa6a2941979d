-- The lifecycle of an open gap for the people on call: who acknowledged it last, when and with what note,
-- and how far it has been escalated while no one did. The columns live on the open gap's row, so a gap
-- that resolves (its row is deleted) and opens again starts unacknowledged at level 0.
alter table open_gap add column acknowledged_by varchar(200);
alter table open_gap add column acknowledged_at timestamp with time zone;
alter table open_gap add column acknowledgement_note varchar(1000);
alter table open_gap add column escalation_level int default 0 not null;
alter table open_gap add column escalated_at timestamp with time zone;
