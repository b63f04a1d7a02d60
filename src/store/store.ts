import { openDatabase, type Database, type OpenOptions } from '../core/db.js';
import type { Config } from '../core/config.js';
import { readReferenceAreas } from '../measures/areas.js';
import { ensureReferenceAreas } from '../measures/areas.repository.js';
import { applyMigrations } from './migrate.js';

/** Opens a database and applies pending migrations (closing it again if they fail). */
export async function openMigratedDatabase(options: OpenOptions): Promise<Database> {
  const db = await openDatabase(options);
  try {
    await applyMigrations(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** Opens the configured database, applies migrations and makes sure the reference areas are there. */
export async function openStore(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> | OpenOptions,
): Promise<Database> {
  const db = await openMigratedDatabase(config);
  try {
    await ensureAreas(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

export async function ensureAreas(db: Database): Promise<void> {
  const areas = readReferenceAreas();
  const [row] = await db.query<{ n: number }>('select count(*)::int as n from area');
  if (row?.n !== areas.length) await db.transaction((tx) => ensureReferenceAreas(tx, areas));
}
