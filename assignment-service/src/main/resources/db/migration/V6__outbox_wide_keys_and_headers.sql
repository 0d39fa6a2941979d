-- A dead letter keeps the original record's key and headers whatever their size (Kafka bounds them only by
-- the record's size); the narrower columns made such a record fail its batch on every retry.
alter table outbox_message alter column message_key set data type varchar(1000000);
alter table outbox_message alter column headers set data type varchar(1000000);
