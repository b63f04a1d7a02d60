-- School figures keyed by a measure id and the year's first year (issue 10, ADR 0016).
-- The first layout repeated (publication, code, year_label) as text in every row and in its
-- primary key: 1.5M figures of the England 2018/19 files made 258 MB of table and indexes, and
-- the store with every school file passed the 500 MB target. The same figures keyed by
-- (urn, measure_id, year_number) take 142 MB. The year's label ('2018/19') is made from its
-- first year where it is read (src/schools/academic-year.ts): one rule.

alter table school_measure add column id integer generated always as identity unique;

-- A figure whose column has no school_measure row (none should exist) gets one named by its
-- code, so that nothing is lost on the way to the new table.
insert into school_measure (publication, code, label, kind)
select o.publication, o.code, o.code,
       case when bool_or(o.text_value is not null) then 'text' else 'number' end
  from school_observation o
 where not exists (select 1 from school_measure m
                    where m.publication = o.publication and m.code = o.code)
 group by o.publication, o.code;

create table school_figure (
  urn integer not null,
  measure_id integer not null references school_measure (id),
  year_number smallint not null,    -- the academic year's first year: 2018 is 2018/19
  value double precision,
  marker text,
  text_value text,
  release_id integer references release (id) on delete set null,
  primary key (urn, measure_id, year_number),
  check (num_nonnulls(value, marker, text_value) <= 1)
);

insert into school_figure (urn, measure_id, year_number, value, marker, text_value, release_id)
select o.urn, m.id, o.year_number, o.value, o.marker, o.text_value, o.release_id
  from school_observation o
  join school_measure m on m.publication = o.publication and m.code = o.code
 order by o.urn, m.id, o.year_number;

drop table school_observation;
alter table school_figure rename to school_observation;
alter index school_figure_pkey rename to school_observation_pkey;
create index school_observation_measure_idx on school_observation (measure_id, year_number);
