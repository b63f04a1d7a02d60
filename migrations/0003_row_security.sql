-- Row-level security as a second guard under the application's checks (issue 8). A request that
-- reads scoped rows runs its transaction as the role lantern_scoped with the signed-in user's
-- scope in settings (src/access/row-security.ts withScope); a table holding scoped rows is put
-- under the policy by lantern_enable_scope. Superusers and table owners bypass RLS, hence the
-- role switch. Written for PostgreSQL 15 and PGlite.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'lantern_scoped') then
    create role lantern_scoped nologin;
  end if;
end
$$;
-- The app's own login may become lantern_scoped for a transaction (`set local role`).
do $$
begin
  execute format('grant lantern_scoped to %I', current_user);
exception when others then
  -- Already a member, or a superuser (who needs no grant).
  null;
end
$$;
grant usage on schema public to lantern_scoped;

-- The scope of the current transaction, as withScope sets it; nothing set means nothing in scope.
create function lantern_scope_all() returns boolean language sql stable as $$
  select coalesce(current_setting('lantern.scope_all', true), '') = 'on'
$$;
create function lantern_scope_las() returns integer[] language sql stable as $$
  select coalesce(nullif(current_setting('lantern.la_codes', true), '')::integer[], '{}')
$$;
create function lantern_scope_urns() returns integer[] language sql stable as $$
  select coalesce(nullif(current_setting('lantern.urns', true), '')::integer[], '{}')
$$;

-- Puts a table under the scope policy: a row is visible and writable to lantern_scoped when the
-- user covers everything, or its LA column is one of the user's LAs, or its URN column one of
-- their schools. Either column may be null (the table has no such column). Later issues call this
-- in their migrations for each table holding scoped rows.
create function lantern_enable_scope(tbl regclass, la_column text, urn_column text)
returns void language plpgsql as $$
declare
  rule text := 'lantern_scope_all()';
begin
  if la_column is not null then
    rule := rule || format(' or %I = any(lantern_scope_las())', la_column);
  end if;
  if urn_column is not null then
    rule := rule || format(' or %I = any(lantern_scope_urns())', urn_column);
  end if;
  execute format('alter table %s enable row level security', tbl);
  execute format('drop policy if exists lantern_scope on %s', tbl);
  execute format('create policy lantern_scope on %s to lantern_scoped using (%s) with check (%s)',
    tbl, rule, rule);
  execute format('grant select, insert, update, delete on %s to lantern_scoped', tbl);
end
$$;
