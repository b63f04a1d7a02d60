import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';
import { lockDataDir } from './data-dir-lock.js';

/** The little Lantern needs from a database: run SQL, run a transaction, close. */
export interface Queryable {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /**
   * Bulk-loads CSV text (no header) into `table (columns)` with COPY, where the engine offers it
   * in-process (PGlite: ~3x faster than inserts). Absent on a server connection: callers fall
   * back to `insert … select from unnest(…)`.
   */
  copyCsv?: (table: string, columns: string[], csv: string) => Promise<void>;
}

export interface Database extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: everything it writes lands, or nothing does. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** `postgres://…` for a server; otherwise the embedded database is used. */
  databaseUrl?: string | undefined;
  /** Folder for the embedded database's files. */
  dataDir?: string | undefined;
  /** An already-open PGlite instance (tests load a migrated snapshot into one). */
  pglite?: PGlite;
  /**
   * The embedded database's shared buffers, e.g. '32MB' (PostgreSQL's default, 128MB, when
   * unset). They live inside PGlite's WebAssembly memory: `lantern serve` keeps them small to
   * stay under 500 MB, since its pages and answers are cached per data version anyway; imports
   * keep the default, being 15–25% faster with it (docs/performance.md "Memory").
   */
  sharedBuffers?: string | undefined;
}

/** Opens a connection as it is: src/store applies the migrations (`openMigratedDatabase`). */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl)
    : openPglite(options.pglite, options.dataDir, options.sharedBuffers);
}

async function openPglite(
  existing: PGlite | undefined,
  dataDir: string | undefined,
  sharedBuffers: string | undefined,
): Promise<Database> {
  // Only a folder needs the lock: an in-memory database belongs to this process alone.
  const unlock = !existing && dataDir ? lockDataDir(dataDir) : () => {};
  let client: PGlite;
  try {
    client = existing ?? (await createPglite({ dataDir, sharedBuffers }));
  } catch (error) {
    unlock();
    throw error;
  }
  const queryable = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(text: string, params?: unknown[]) {
      const result = await q.query<T>(text, params);
      return result.rows;
    },
    async exec(script: string) {
      await q.exec(script);
    },
    async copyCsv(table: string, columns: string[], csv: string) {
      await q.query(
        `copy ${table} (${columns.join(', ')}) from '/dev/blob' with (format csv)`,
        [],
        {
          blob: new Blob([csv]),
        },
      );
    },
  });
  return {
    engine: 'pglite',
    ...queryable(client),
    transaction: (work) => client.transaction((tx) => work(queryable(tx))),
    close: async () => {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
  };
}

/** Both engines return counts (int8) and numerics as JS numbers: ours are far below 2^53. */
const numberParsers = { 20: (v: string) => Number(v), 1700: (v: string) => Number(v) };

export async function createPglite(
  options: {
    dataDir?: string | undefined;
    loadDataDir?: Blob;
    sharedBuffers?: string | undefined;
  } = {},
): Promise<PGlite> {
  const { PGlite } = await import('@electric-sql/pglite');
  let dir: string | undefined;
  if (options.dataDir) {
    dir = path.join(options.dataDir, 'pglite');
    fs.mkdirSync(dir, { recursive: true });
  }
  return PGlite.create(dir, {
    parsers: numberParsers,
    loadDataDir: options.loadDataDir,
    startParams: [
      ...PGlite.defaultStartParams,
      // PostgreSQL keeps used write-ahead log files for reuse, up to max_wal_size (1 GB): after
      // the school imports that was 416 MB of the store's 730 MB on disk. Removed instead, the
      // log is ~17 MB once the store closes, and imports are no slower (docs/performance.md).
      ...['-c', 'wal_recycle=off'],
      ...(options.sharedBuffers ? ['-c', `shared_buffers=${options.sharedBuffers}`] : []),
    ],
  });
}

async function openPostgres(url: string): Promise<Database> {
  const { default: pg } = await import('pg');
  pg.types.setTypeParser(20, numberParsers[20]);
  pg.types.setTypeParser(1700, numberParsers[1700]);
  const pool: Pool = new pg.Pool({ connectionString: url, max: 10 });
  const fromClient = (c: Pool | PoolClient): Queryable => ({
    async query<T>(text: string, params?: unknown[]) {
      const result = await c.query(text, params as unknown[]);
      return result.rows as T[];
    },
    async exec(script: string) {
      await c.query(script);
    },
  });
  return {
    engine: 'postgres',
    ...fromClient(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(fromClient(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
