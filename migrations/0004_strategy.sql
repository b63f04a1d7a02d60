-- The strategy tracker (issue 9): an LA's strategy as data. A strategy holds priorities; a
-- priority holds aims and risks; an aim holds the measures it is judged on (each with targets)
-- and the actions that serve it. Every row carries the strategy's LA so row-level security
-- (migration 0003) can scope each table, and a composite foreign key keeps that copy honest.
-- Rows are keyed by the strategy file's keys ("p1", "ks2-rwm"), so a page, a download and the
-- file name the same thing. Written for PostgreSQL 15 and PGlite.

create table strategy (
  id uuid primary key default gen_random_uuid(),
  la_code integer not null references area (code),
  title text not null,
  period_start integer not null,
  period_end integer not null,
  vision text,
  board text,
  -- Published strategies are readable by anyone who may see the open statistics.
  published boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (period_end >= period_start),
  unique (id, la_code)
);

create table strategy_priority (
  strategy_id uuid not null,
  la_code integer not null,
  key text not null,
  position integer not null,
  title text not null,
  description text,
  primary key (strategy_id, key),
  foreign key (strategy_id, la_code) references strategy (id, la_code) on delete cascade
);

create table strategy_risk (
  strategy_id uuid not null,
  la_code integer not null,
  priority_key text not null,
  key text not null,
  position integer not null,
  description text not null,
  likelihood integer not null check (likelihood between 1 and 5),
  impact integer not null check (impact between 1 and 5),
  owner text,
  mitigation text,
  primary key (strategy_id, key),
  foreign key (strategy_id, la_code) references strategy (id, la_code) on delete cascade,
  foreign key (strategy_id, priority_key) references strategy_priority (strategy_id, key) on delete cascade
);

create table strategy_aim (
  strategy_id uuid not null,
  la_code integer not null,
  priority_key text not null,
  key text not null,
  position integer not null,
  title text not null,
  description text,
  primary key (strategy_id, key),
  foreign key (strategy_id, la_code) references strategy (id, la_code) on delete cascade,
  foreign key (strategy_id, priority_key) references strategy_priority (strategy_id, key) on delete cascade
);

-- What only the LA holds (governor training feedback, a local survey): defined by an officer,
-- values entered by hand or from a CSV, targets set on it like any published measure.
create table local_measure (
  strategy_id uuid not null,
  la_code integer not null,
  code text not null,
  position integer not null,
  name text not null,
  unit text not null,
  polarity text check (polarity in ('high', 'low')),
  period text not null,
  decimal_places integer not null check (decimal_places between 0 and 4),
  description text,
  primary key (strategy_id, code),
  foreign key (strategy_id, la_code) references strategy (id, la_code) on delete cascade
);

create table local_measure_value (
  strategy_id uuid not null,
  la_code integer not null,
  code text not null,
  year_label text not null,
  year_number integer not null,
  value double precision not null,
  note text,
  primary key (strategy_id, code, year_label),
  foreign key (strategy_id, la_code) references strategy (id, la_code) on delete cascade,
  foreign key (strategy_id, code) references local_measure (strategy_id, code) on delete cascade
);

-- A measure as the strategy names it, and where its figures come from: exactly one of a
-- Lantern measure, a local measure, or the honest "no data source yet" with the reason.
create table strategy_measure (
  strategy_id uuid not null,
  la_code integer not null,
  aim_key text not null,
  key text not null,
  position integer not null,
  name text not null,
  measure_code text,
  local_code text,
  no_data_source text,
  pupil_group text,
  phase text,
  -- Where the DfE replaced the measure the strategy names ("KS2 level 4b" by the expected standard).
  replaces text,
  -- A count measure giving the cohort, so "what would it take" can say how many pupils.
  cohort_measure text,
  primary key (strategy_id, key),
  foreign key (strategy_id, la_code) references strategy (id, la_code) on delete cascade,
  foreign key (strategy_id, aim_key) references strategy_aim (strategy_id, key) on delete cascade,
  check (num_nonnulls(measure_code, local_code, no_data_source) = 1)
);

-- A target's terms (kind-specific: the value, band, comparator, gap, floor) are kept as the
-- strategy file states them and checked by the one schema in src/strategy/strategy-file.ts.
create table strategy_target (
  strategy_id uuid not null,
  la_code integer not null,
  measure_key text not null,
  key text not null,
  position integer not null,
  kind text not null check (kind in ('value', 'trajectory', 'band', 'rank', 'relative', 'gap')),
  terms jsonb not null,
  primary key (strategy_id, key),
  foreign key (strategy_id, la_code) references strategy (id, la_code) on delete cascade,
  foreign key (strategy_id, measure_key) references strategy_measure (strategy_id, key) on delete cascade
);

create table strategy_action (
  strategy_id uuid not null,
  la_code integer not null,
  aim_key text not null,
  key text not null,
  position integer not null,
  title text not null,
  owner_person text not null,
  owner_organisation text not null,
  partners text[] not null default '{}',
  start_date date,
  due_date date,
  status text not null check (status in ('not_started', 'on_track', 'at_risk', 'off_track', 'done')),
  -- [{title, due, done}] and [{title, url}]: small lists always read and written with the action.
  milestones jsonb not null default '[]',
  evidence jsonb not null default '[]',
  primary key (strategy_id, key),
  foreign key (strategy_id, la_code) references strategy (id, la_code) on delete cascade,
  foreign key (strategy_id, aim_key) references strategy_aim (strategy_id, key) on delete cascade,
  check (due_date is null or start_date is null or due_date >= start_date)
);

-- Dated progress updates, newest last; never edited (a correction is a new update).
create table action_update (
  id bigserial primary key,
  strategy_id uuid not null,
  la_code integer not null,
  action_key text not null,
  update_date date not null,
  author text not null,
  status text not null check (status in ('not_started', 'on_track', 'at_risk', 'off_track', 'done')),
  body text not null,
  created_at timestamptz not null default now(),
  foreign key (strategy_id, la_code) references strategy (id, la_code) on delete cascade,
  foreign key (strategy_id, action_key) references strategy_action (strategy_id, key) on delete cascade
);
create index action_update_action_idx on action_update (strategy_id, action_key, update_date);

select lantern_enable_scope('strategy', 'la_code', null);
select lantern_enable_scope('strategy_priority', 'la_code', null);
select lantern_enable_scope('strategy_risk', 'la_code', null);
select lantern_enable_scope('strategy_aim', 'la_code', null);
select lantern_enable_scope('local_measure', 'la_code', null);
select lantern_enable_scope('local_measure_value', 'la_code', null);
select lantern_enable_scope('strategy_measure', 'la_code', null);
select lantern_enable_scope('strategy_target', 'la_code', null);
select lantern_enable_scope('strategy_action', 'la_code', null);
select lantern_enable_scope('action_update', 'la_code', null);
grant usage on sequence action_update_id_seq to lantern_scoped;
