-- Schools (issue 10, ADR 0015). Published data only: no row security, readable like the LA pages.

-- The school register: one row per URN, from GIAS where it has been imported, otherwise from the
-- first performance-table or Ofsted file that named the school. `la_code` is the 3-digit LA
-- number the school was in (a former LA for a school that closed before a reorganisation).
create table school (
  urn integer primary key check (urn > 0),
  name text not null,
  la_code integer references area (code),
  estab integer,                    -- establishment number: LAESTAB = la_code * 10000 + estab
  phase text,                       -- GIAS PhaseOfEducation: Primary, Secondary, All-through, ...
  school_type text,                 -- GIAS TypeOfEstablishment, or the performance tables' NFTYPE
  type_group text,                  -- GIAS EstablishmentTypeGroup: Academies, Local authority maintained schools, ...
  status text,                      -- Open, Closed, Open but proposed to close
  trust text,
  open_date date,
  close_date date,
  capacity integer,
  pupils integer,                   -- GIAS NumberOfPupils (the census figures are observations)
  religious_character text,
  gender text,
  age_low integer,
  age_high integer,
  postcode text,
  source text not null,             -- 'gias' (authoritative), 'performance-tables', 'ofsted', 'ees', 'demo'
  release_id integer references release (id) on delete set null
);
create index school_la_idx on school (la_code);

-- GIAS links: predecessor/successor URNs (academy conversion, amalgamation, split). Kept as
-- published, both directions; the time-series rule that follows them is in schools/succession.ts.
create table school_link (
  urn integer not null,
  linked_urn integer not null,
  link_type text not null,          -- Successor, Predecessor, Predecessor - merged, ...
  linked_name text,
  established_on date,
  release_id integer references release (id) on delete set null,
  primary key (urn, linked_urn, link_type)
);
create index school_link_linked_idx on school_link (linked_urn);

-- What a school-level file's columns mean, from the file's own meta (KS2) or a short built-in
-- description. `code` is the file's own column name (PTRWM_EXP, ATT8SCR, PERCTOT); the same
-- name in two publications is two measures.
create table school_measure (
  publication text not null,        -- 'ks2', 'ks4', 'ks4-destinations', 'census', 'absence', ...
  code text not null,
  label text not null,
  kind text not null check (kind in ('number', 'text')),
  release_id integer references release (id) on delete set null,
  primary key (publication, code)
);

-- One published figure for one school and year. A suppressed cell keeps its marker beside a
-- null (SUPP, NE, NP, NA, LOWCOV, SP, or the EES symbols), never zero. Text cells (P8_BANDING)
-- are kept as text.
create table school_observation (
  urn integer not null,
  publication text not null,
  code text not null,
  year_label text not null,         -- academic year '2018/19'
  year_number integer not null,     -- its first year, for ordering: 2018
  value double precision,
  marker text,
  text_value text,
  release_id integer references release (id) on delete set null,
  primary key (urn, publication, code, year_label),
  check (num_nonnulls(value, marker, text_value) <= 1)
);
create index school_observation_measure_idx on school_observation (publication, code, year_label);

-- The LA and England rows a school-level file carries (RECTYPE 3/4/5, LA/NAT): what the profile
-- compares a school with, and what the import reconciles the school rows against.
-- `area_code` is the LA number or 970 (England); `row_kind` says which national row
-- ('england-state-funded', 'england-all', 'la', 'england-primary', ...).
create table school_area_observation (
  area_code integer not null references area (code),
  row_kind text not null,
  publication text not null,
  code text not null,
  year_label text not null,
  year_number integer not null,
  value double precision,
  marker text,
  text_value text,
  release_id integer references release (id) on delete set null,
  primary key (area_code, row_kind, publication, code, year_label),
  check (num_nonnulls(value, marker, text_value) <= 1)
);

-- Ofsted inspections in both layouts, grades kept as published: graded inspections' overall
-- effectiveness 1-4 (with 'Not judged'), report cards' five-point scale per evaluation area
-- (Exceptional ... Urgent improvement) and safeguarding Met / Not met. Never turned into numbers.
create table school_inspection (
  urn integer not null,
  inspection_number text not null,
  framework text not null check (framework in ('graded', 'report-card')),
  inspection_type text,
  start_date date,
  end_date date,
  publication_date date,
  overall_effectiveness text,       -- graded: '1'..'4' or 'Not judged', as published
  category_of_concern text,
  safeguarding text,                -- report cards: 'Met' / 'Not met'
  judgements jsonb not null default '{}', -- {"Inclusion": "Strong standard", ...} in the file's order
  release_id integer references release (id) on delete set null,
  primary key (urn, inspection_number)
);
create index school_inspection_start_idx on school_inspection (start_date);
