-- A project's slots move into its row, as one JSON array in position order (see projects.ProjectSlotsColumn):
-- the ingest path wrote a project's slots anew, row by row, each checked against its project's key, whenever
-- they changed, and read them back with a sort. One column of the row it writes anyway costs nothing extra.
-- PostgreSQL before 16 has no SQL-standard json_arrayagg: its own json_agg here, the standard one for H2.
alter table project add column slots varchar(1000000);
update project p set slots = (
    select json_agg(json_build_object('slotId', s.slot_id, 'persona', s.persona, 'seats', s.seats,
            'allocation', s.allocation, 'requiredSkills', s.required_skills, 'minSeniority', s.min_seniority)
        order by s.position)::text
    from project_slot s where s.project = p.id);
update project set slots = '[]' where slots is null;
alter table project alter column slots set not null;
drop table project_slot;
