import type { Queryable } from '../../src/core/db.js';

/** Table name (or "(indexes)", "(constraints)") → its row count and a hash of every row. */
export type StoreFingerprint = Record<string, string>;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * A checksum of everything the store holds: each table of the schema (found in
 * information_schema, so a table added by a later migration is covered too) hashed over its rows
 * in a fixed order, and the schema's indexes and constraints (the LAIT load drops and re-creates
 * the observation key inside its transaction). Sequences are left out: a refused import may use
 * up an id without storing anything.
 */
export async function storeFingerprint(db: Queryable): Promise<StoreFingerprint> {
  const tables = await db.query<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  );
  const fingerprint: StoreFingerprint = {};
  for (const { name } of tables) {
    const [row] = await db.query<{ n: number; hash: string }>(
      `select count(*)::int as n, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as hash
         from ${ident(name)} t`,
    );
    fingerprint[name] = `${row!.n} rows, md5 ${row!.hash}`;
  }
  const [indexes] = await db.query<{ hash: string }>(
    `select md5(coalesce(string_agg(indexdef, E'\\n' order by indexdef), '')) as hash
       from pg_indexes where schemaname = current_schema()`,
  );
  fingerprint['(indexes)'] = indexes!.hash;
  const [constraints] = await db.query<{ hash: string }>(
    `select md5(coalesce(string_agg(c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid),
                E'\\n' order by c.conrelid::regclass::text, c.conname), '')) as hash
       from pg_constraint c where c.connamespace = current_schema()::regnamespace`,
  );
  fingerprint['(constraints)'] = constraints!.hash;
  return fingerprint;
}

/** The tables (and "(indexes)", "(constraints)") whose fingerprint differs, with both values. */
export function fingerprintChanges(before: StoreFingerprint, after: StoreFingerprint): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names
    .filter((n) => before[n] !== after[n])
    .map((n) => `${n}: ${before[n] ?? '(absent)'} → ${after[n] ?? '(absent)'}`);
}
