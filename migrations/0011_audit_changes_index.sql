-- The history of a strategy's changes (audit.repository.ts selectChangesOf) reads events on the
-- strategy, on its parts (`<id>/<key>`) and on its report editions (details.strategy). `like
-- $1 || '/%'` with a parameter cannot use an index, so the query reads the parts as a range in
-- byte order, which an index in the "C" collation serves; the editions through an index on the
-- details field. Without these, the page reads the whole audit log, which only grows.
-- Written for PostgreSQL 15 and PGlite.

create index audit_event_target_idx on audit_event (target_id collate "C");
create index audit_event_strategy_idx on audit_event ((details ->> 'strategy'))
  where (details ->> 'strategy') is not null;
