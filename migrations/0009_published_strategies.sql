-- A published strategy is public (issue 9): anyone who may see the statistics may read it, with
-- its priorities, aims, measures, targets, actions, local measures and the action updates its lead
-- has approved. Its risks, the board's commentary and report editions, and updates awaiting
-- approval stay with the LA's own staff (the lantern_scope policy). Reading only: these policies
-- are for select, so nothing published can be changed from outside the LA. Permissive policies
-- add to lantern_scope (either lets a row be seen). Written for PostgreSQL 15 and PGlite.

create policy lantern_published on strategy for select to lantern_scoped using (published);

-- Each part of a strategy: visible when its strategy is (the subquery runs under strategy's own
-- policies, so it sees a published strategy and nothing else of another LA's).
do $$
declare
  tbl text;
begin
  foreach tbl in array array['strategy_priority', 'strategy_aim', 'strategy_measure',
    'strategy_target', 'strategy_action', 'local_measure', 'local_measure_value']
  loop
    execute format(
      'create policy lantern_published on %I for select to lantern_scoped using (exists (select 1 from strategy s where s.id = strategy_id and s.published))',
      tbl);
  end loop;
end
$$;

create policy lantern_published on action_update for select to lantern_scoped
  using (not awaiting_approval and exists (select 1 from strategy s where s.id = strategy_id and s.published));
