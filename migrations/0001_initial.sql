-- Lantern's first schema. Written for PostgreSQL 15 (the Debian server) and PGlite (PostgreSQL 18).

-- England, regions and local authorities. `code` is the DfE's 3-digit LA number for LAs and
-- LAIT's own numbers for England (970) and regions (980-990), so every source can join on it.
create table area (
  code integer primary key,
  kind text not null check (kind in ('england', 'region', 'la')),
  name text not null,
  gss_code text unique,                         -- 9-character ONS code (E06000066), current
  former_gss_codes text[] not null default '{}',-- earlier ONS codes for the same LA
  region_code integer references area (code),   -- LAs: their region (Inner/Outer London for London)
  parent_code integer references area (code),   -- Inner/Outer London: London
  la_type text,                                  -- MD, UA, SC, ILB, OLB
  status text not null default 'current' check (status in ('current', 'former')),
  successor_codes integer[] not null default '{}', -- former LAs: who took over (Cumbria 909 -> 942, 943)
  ended_on date                                    -- former LAs: when they stopped existing
);

-- Each file imported: what, from where, its checksum and when.
create table release (
  id serial primary key,
  source text not null,            -- 'lait', 'ees', 'demo'
  description text not null,
  file_name text not null,
  checksum_sha256 text not null,
  imported_at timestamptz not null default now(),
  row_count integer not null,
  details jsonb not null default '{}'
);

create table measure (
  code text primary key,
  name text not null,
  topic text not null,
  polarity text check (polarity in ('high', 'low')), -- null: no "better" direction, so no rank or band
  decimal_places integer not null default 1,
  decimal_places_published boolean not null default true, -- false: the source gave none, 1 assumed (as LAIT)
  year_type text,
  unit_label text,                 -- y-axis label, e.g. "Rate per 1000 live births"
  chart_title text,
  description text,
  methodology text,
  source text,
  source_links text,
  last_update date,
  next_update date,
  no_quartile boolean not null default false, -- the range is too small for quartile bands to mean anything
  release_id integer references release (id) on delete set null
);

create table observation (
  measure_code text not null references measure (code) on delete cascade,
  area_code integer not null references area (code),
  year_label text not null,        -- as published: '2025', '2016-17 (OT)', '2025 (prov)'
  year_number integer not null,    -- for ordering: first four digits of the label
  value double precision,          -- null when missing or suppressed
  suppression text,                -- the marker published in place of a value ('-', 'c', 'x', ...)
  release_id integer references release (id) on delete set null,
  primary key (measure_code, area_code, year_label),
  check ((value is null) or (suppression is null))
);
create index observation_area_idx on observation (area_code, measure_code);

create table statistical_neighbour_set (
  version text primary key,        -- '2021', '2025'
  description text not null,
  release_id integer references release (id) on delete set null
);

create table statistical_neighbour (
  set_version text not null references statistical_neighbour_set (version) on delete cascade,
  la_code integer not null references area (code),
  position integer not null check (position between 1 and 10),
  neighbour_code integer not null references area (code),
  closeness text,                  -- 'Extremely close', 'Very close', 'Close', 'Somewhat close', 'Not close'
  primary key (set_version, la_code, position)
);

-- Region each LA is compared with, per statistical-neighbour file (its GOReg column).
create table la_region_assignment (
  set_version text not null references statistical_neighbour_set (version) on delete cascade,
  la_code integer not null references area (code),
  region_code integer not null references area (code),
  primary key (set_version, la_code)
);

-- Precomputed at import time (LAIT's method, docs/methods.md): cut points for every year, and
-- each measure's latest year for every LA, which the scorecards read. Other years are computed
-- on demand for the one measure asked about.
create table benchmark_cut_points (
  measure_code text not null references measure (code) on delete cascade,
  year_label text not null,
  year_number integer not null,
  la_count integer not null,       -- N: LAs with a value that year
  q0 double precision, q25 double precision, q50 double precision, q75 double precision, q100 double precision,
  is_latest boolean not null default false,
  primary key (measure_code, year_label)
);

-- la_code and region_code carry no foreign keys: the rows are derived from observations that
-- already passed those checks, and per-row checks tripled the cost of a full refresh.
create table benchmark (
  measure_code text not null references measure (code) on delete cascade,
  year_label text not null,
  la_code integer not null,
  value double precision,
  rank integer,
  rank_of integer,
  quartile_band text check (quartile_band in ('A', 'B', 'C', 'D')),
  sn_average double precision,
  sn_with_value integer not null default 0,
  region_code integer,
  region_value double precision,
  england_value double precision,
  previous_year_label text,
  change_from_previous double precision,
  change_direction text check (change_direction in ('better', 'worse', 'same', 'no_direction')),
  distance_to_next_band double precision,
  next_band text,
  distance_to_england double precision,
  primary key (measure_code, year_label, la_code)
);
create index benchmark_la_idx on benchmark (la_code, measure_code);
