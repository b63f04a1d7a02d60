import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../core/db.js';

/** Versioned SQL migrations: `migrations/NNNN_name.sql`, applied in order, each once. */
export const migrationsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../migrations',
);

export interface Migration {
  version: string;
  name: string;
  sql: string;
}

export function readMigrations(dir = migrationsDir): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({
      version: f.slice(0, 4),
      name: f.slice(5, -4),
      sql: fs.readFileSync(path.join(dir, f), 'utf8'),
    }));
}

export async function applyMigrations(db: Database, dir = migrationsDir): Promise<string[]> {
  await db.query(`create table if not exists schema_migration (
    version text primary key, name text not null, applied_at timestamptz not null default now())`);
  const done = new Set(
    (await db.query<{ version: string }>('select version from schema_migration')).map(
      (r) => r.version,
    ),
  );
  const applied: string[] = [];
  for (const m of readMigrations(dir)) {
    if (done.has(m.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('insert into schema_migration (version, name) values ($1, $2)', [
        m.version,
        m.name,
      ]);
    });
    applied.push(`${m.version}_${m.name}`);
  }
  return applied;
}
