-- The engine keeps each staffing pool in memory between events. What it needs to be rebuilt exactly from
-- the database: the order of each holding (the most recent leave first when a slot shrinks), and per pool
-- the order its next holding gets. The pool row's version rises with every decision, so an instance
-- knows when its in-memory pool is out of date, and the row is locked for the length of a decision, so
-- two instances never decide one pool at the same time.
alter table assignment add column assign_order bigint default 0 not null;
update assignment set assign_order = (select count(*) from assignment earlier
    where earlier.assigned_at < assignment.assigned_at
       or (earlier.assigned_at = assignment.assigned_at and earlier.seat_key <= assignment.seat_key));

create table staffing_pool (
    id          varchar(100) primary key,
    next_order  bigint not null,
    version     bigint not null
);
insert into staffing_pool (id, next_order, version)
select pool, max(assign_order) + 1, 0 from (
    select pool, assign_order from assignment
    union all select pool, 0 from person
    union all select pool, 0 from project) known
group by pool;
