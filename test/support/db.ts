import fs from 'node:fs';
import { after, before, describe } from 'node:test';
import { createPglite, type Database } from '../../src/core/db.js';
import { ensureAreas, openMigratedDatabase } from '../../src/store/store.js';
import { ensureSnapshot } from './snapshot.js';

export type Engine = 'pglite' | 'postgres';

/** A fresh, migrated PGlite database in memory, loaded from the snapshot (~1 s, not ~6 s). */
export async function freshPglite(): Promise<Database> {
  const file = await ensureSnapshot();
  const pg = await createPglite({ loadDataDir: new Blob([fs.readFileSync(file)]) });
  return openMigratedDatabase({ pglite: pg });
}

let counter = 0;

/** A new, empty database on the test PostgreSQL server: its URL, and how to drop it. */
export async function createPostgresDatabase(
  serverUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `lantern_test_${process.pid}_${++counter}_${Date.now() % 100000}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name}`) };
}

/** A fresh database on the test PostgreSQL server, dropped again by `close()`. */
export async function freshPostgres(serverUrl: string): Promise<Database> {
  const created = await createPostgresDatabase(serverUrl);
  const db = await openMigratedDatabase({ databaseUrl: created.url });
  await ensureAreas(db);
  const close = db.close.bind(db);
  return Object.assign(db, {
    async close() {
      await close();
      await created.drop();
    },
  });
}

export function enginesUnderTest(): Engine[] {
  const url = process.env.LANTERN_TEST_POSTGRES_URL;
  if (!url && process.env.CI === 'true') {
    throw new Error(
      'CI=true but LANTERN_TEST_POSTGRES_URL is not set: run the tests with `npm test`, which starts PostgreSQL.',
    );
  }
  return url ? ['pglite', 'postgres'] : ['pglite'];
}

export async function freshDatabase(engine: Engine): Promise<Database> {
  return engine === 'pglite'
    ? freshPglite()
    : freshPostgres(process.env.LANTERN_TEST_POSTGRES_URL!);
}

/**
 * Declares the same suite once per database engine. `db()` gives the suite's database,
 * created before its tests and closed after them.
 */
export function describeEachDatabase(
  name: string,
  body: (db: () => Database, engine: Engine) => void,
): void {
  for (const engine of enginesUnderTest()) {
    describe(`${name} [${engine}]`, () => {
      let database: Database | undefined;
      before(async () => {
        database = await freshDatabase(engine);
      });
      after(async () => {
        await database?.close();
      });
      body(() => {
        if (!database) throw new Error('database not ready');
        return database;
      }, engine);
    });
  }
}
