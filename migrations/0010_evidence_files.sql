-- Evidence uploaded to an action (issue 9: "evidence (links or uploaded files)"), kept in the
-- database so it is backed up, restored and removed with the strategy, on PGlite and PostgreSQL
-- alike. Tied to the strategy, not to the action row: editing the strategy file rewrites its
-- actions, and must not take their evidence with them. The LA's own staff read it (the scope
-- policy); a published strategy does not show it (no lantern_published policy), since a file
-- may name pupils or staff. Written for PostgreSQL 15 and PGlite.

create table evidence_file (
  id uuid primary key default gen_random_uuid(),
  strategy_id uuid not null,
  la_code integer not null,
  action_key text not null,
  title text not null,
  file_name text not null,
  media_type text not null,
  byte_size integer not null check (byte_size > 0),
  sha256 text not null,
  content bytea not null,
  uploaded_by text not null,
  uploaded_at timestamptz not null default now(),
  foreign key (strategy_id, la_code) references strategy (id, la_code) on delete cascade
);
create index evidence_file_action_idx on evidence_file (strategy_id, action_key, uploaded_at);
select lantern_enable_scope('evidence_file', 'la_code', null);
