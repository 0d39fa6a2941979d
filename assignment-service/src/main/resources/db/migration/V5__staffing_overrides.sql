-- Staffing managers' overrides in force: a pin keeps a person in a seat of a slot, an exclusion keeps a
-- person out of a project (slot_id is '' for an exclusion). A project's
-- overrides follow it when it moves to another pool. Written only by the ingest path, from the
-- overrides topic, so that the instance deciding the project's pool is the one writer.
create table staffing_override (
    project_id      varchar(100) not null,
    kind            varchar(20)  not null,
    slot_id         varchar(100) not null,
    person_id       varchar(100) not null,
    requested_by    varchar(200) not null,
    requested_at    timestamp with time zone not null,
    reason          varchar(1000) not null,
    event_id        varchar(200) not null,
    primary key (project_id, kind, slot_id, person_id)
);

-- Every override request as it was applied, never updated or deleted: who, when, why, and what it did.
create table override_audit (
    event_id        varchar(200) primary key,
    action          varchar(20)  not null,
    pool            varchar(100) not null,
    project_id      varchar(100) not null,
    slot_id         varchar(100),
    person_id       varchar(100) not null,
    requested_by    varchar(200) not null,
    requested_at    timestamp with time zone not null,
    reason          varchar(1000) not null,
    outcome         varchar(300) not null,
    applied_at      timestamp with time zone not null
);
create index override_audit_project on override_audit (project_id, requested_at);
