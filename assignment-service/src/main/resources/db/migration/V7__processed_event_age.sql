-- The processed event ids are kept for a retention period (staffing.ingest.processed-ids.retention); the
-- cleanup finds the expired ones by age.
create index processed_event_processed_at on processed_event (processed_at);
