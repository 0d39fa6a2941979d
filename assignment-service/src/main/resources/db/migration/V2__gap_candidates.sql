-- Who comes nearest to filling an empty seat, and the smallest change that would fill it.
alter table open_gap add column candidates varchar(2000) default '' not null;
alter table open_gap add column suggestion varchar(1000) default '' not null;
