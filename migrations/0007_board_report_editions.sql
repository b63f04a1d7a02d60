-- The board report's sign-off (issue 9): each priority's commentary drafted for a report date
-- and approved by the strategy's lead, then the report issued as a dated edition. An edition
-- keeps the whole report as the board saw it (the rendered BoardReport) and the newest release
-- it rested on, and never changes afterwards: the database refuses any update or delete.
-- Written for PostgreSQL 15 and PGlite.

-- The strategy's lead (an e-mail address): who approves commentary and issues editions.
alter table strategy add column lead text;

create table report_commentary (
  strategy_id uuid not null,
  la_code integer not null,
  report_date date not null,
  priority_key text not null,
  body text not null,
  author text not null,
  status text not null check (status in ('draft', 'approved')),
  approved_by text,
  updated_at timestamptz not null default now(),
  primary key (strategy_id, report_date, priority_key),
  foreign key (strategy_id, la_code) references strategy (id, la_code) on delete cascade,
  foreign key (strategy_id, priority_key) references strategy_priority (strategy_id, key) on delete cascade
);

create table board_report_edition (
  id uuid primary key default gen_random_uuid(),
  strategy_id uuid not null,
  la_code integer not null,
  report_date date not null,
  issued_at timestamptz not null default now(),
  issued_by text not null,
  -- The newest release imported when it was issued: a later one means newer figures exist.
  release_id bigint,
  report jsonb not null,
  -- Copied from the strategy: the demo data's editions go when it is reloaded or removed.
  demo boolean not null default false,
  unique (strategy_id, report_date),
  foreign key (strategy_id, la_code) references strategy (id, la_code) on delete cascade
);

-- Only the demo data's own strategies (migration 0005) may take their editions with them, when
-- the demo data is reloaded or removed: a real strategy with an edition cannot be deleted.
create function lantern_edition_is_final() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and old.demo then
    return old;
  end if;
  raise exception 'A board report edition never changes once issued: % is not allowed.', tg_op
    using errcode = 'insufficient_privilege';
end $$;
create trigger board_report_edition_final before update or delete on board_report_edition
  for each row execute function lantern_edition_is_final();

select lantern_enable_scope('report_commentary', 'la_code', null);
select lantern_enable_scope('board_report_edition', 'la_code', null);
