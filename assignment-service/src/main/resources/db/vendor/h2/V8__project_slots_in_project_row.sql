-- A project's slots move into its row, as one JSON array in position order: see the PostgreSQL twin of this
-- migration (db/vendor/postgresql) for why; this one builds the same array with SQL-standard JSON functions.
alter table project add column slots varchar(1000000);
update project p set slots = (
    select cast(json_arrayagg(json_object('slotId': s.slot_id, 'persona': s.persona, 'seats': s.seats,
            'allocation': s.allocation, 'requiredSkills': s.required_skills, 'minSeniority': s.min_seniority
            null on null) order by s.position) as varchar(1000000))
    from project_slot s where s.project = p.id);
update project set slots = '[]' where slots is null;
alter table project alter column slots set not null;
drop table project_slot;
