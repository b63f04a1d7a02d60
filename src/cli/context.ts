import { loadConfig, type Config } from '../core/config.js';
import type { Database } from '../core/db.js';
import { openStore } from '../store/store.js';

/** What a command needs from the outside world; tests pass their own. */
export interface CliContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  config: Config;
  /** Opens the store (once per command run); `sharedBuffers` for the embedded database. */
  openDb: (options?: { sharedBuffers?: string }) => Promise<Database>;
  /** Show progress bars (on stderr). */
  progress: boolean;
}

export function processContext(): CliContext {
  const config = loadConfig();
  // `lantern … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    config,
    openDb: (options = {}) => openStore({ ...config, ...options }),
    progress: true,
  };
}

/** Opens the database, runs `work`, always closes it (PGlite keeps the process alive otherwise). */
export async function withDb<T>(ctx: CliContext, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await ctx.openDb();
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
