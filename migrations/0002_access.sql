-- Access (issue 8): who may sign in, with which role and scope, their sessions, one-time links,
-- and the audit log. Written for PostgreSQL 15 and PGlite.

-- A person who may sign in. One role each; the role says which scope applies: LAs for LA
-- officers, analysts and board members, schools (URNs) for headteachers and governors, none for
-- administrators. Users are disabled, never deleted: the audit log names them.
create table app_user (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  display_name text not null,
  role text not null check (role in
    ('administrator', 'la_officer', 'la_analyst', 'board_member', 'headteacher', 'governor')),
  la_codes integer[] not null default '{}',
  urns integer[] not null default '{}',
  -- argon2id (PHC string); null until an invitation is accepted, or for OpenID Connect only.
  password_hash text,
  -- The council's identity provider's issuer and subject, once the user has signed in with it.
  oidc_issuer text,
  oidc_subject text,
  status text not null default 'invited' check (status in ('invited', 'active', 'disabled')),
  failed_sign_ins integer not null default 0,
  locked_until timestamptz,
  -- "Sign out everywhere": every session begun before this instant is void.
  sessions_valid_from timestamptz not null default now(),
  created_at timestamptz not null default now(),
  check (case
    when role = 'administrator' then cardinality(la_codes) = 0 and cardinality(urns) = 0
    when role in ('headteacher', 'governor') then cardinality(urns) > 0 and cardinality(la_codes) = 0
    else cardinality(la_codes) > 0 and cardinality(urns) = 0
  end),
  unique (oidc_issuer, oidc_subject)
);
create unique index app_user_email_idx on app_user (lower(email));

-- Server-side sessions, shared by every app process. The cookie holds the id; only its SHA-256
-- is stored, so a copy of this table signs no one in.
create table user_session (
  id_hash text primary key,
  user_id uuid references app_user (id),
  data jsonb not null default '{}',
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index user_session_user_idx on user_session (user_id);

-- Invitations and password resets: a link that works once, until it expires. Only the token's
-- SHA-256 is stored.
create table one_time_link (
  token_hash text primary key,
  purpose text not null check (purpose in ('invitation', 'password_reset')),
  user_id uuid not null references app_user (id),
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

-- Who did what, when and from where. Append-only: the triggers below refuse any update, delete
-- or truncate, whoever asks.
create table audit_event (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id uuid,                   -- null: the command line, or someone not signed in
  actor text not null,             -- the e-mail address (or "command line") at the time
  action text not null,            -- 'sign-in', 'sign-in-failed', 'user-invited', 'read', ...
  target_kind text,                -- 'user', 'strategy', 'school', ...
  target_id text,
  details jsonb not null default '{}',
  ip text,
  user_agent text
);
create index audit_event_at_idx on audit_event (at);

create function lantern_audit_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'The audit log is append-only: % is not allowed.', tg_op
    using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_event_no_change before update or delete on audit_event
  for each row execute function lantern_audit_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function lantern_audit_is_append_only();

-- Secrets Lantern makes for itself at first start (the session cookie's signing key) when the
-- environment gives none, so that every app process on one database signs alike.
create table app_secret (
  name text primary key,
  value text not null,
  created_at timestamptz not null default now()
);
