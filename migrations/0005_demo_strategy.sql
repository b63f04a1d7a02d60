-- Demo copies of the seed strategies (src/demo/demo-strategies.ts) are loaded with the demo data
-- set and replaced or removed with it; this flag is how they are told from an LA's own
-- strategies, so removing the demo never touches a real one. Written for PostgreSQL 15 and PGlite.
alter table strategy add column demo boolean not null default false;
