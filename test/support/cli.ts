import { loadConfig } from '../../src/core/config.js';
import type { Database } from '../../src/core/db.js';
import type { CliContext } from '../../src/cli/context.js';

/** A CLI context over a test database that captures what a command prints (the database stays open). */
export function testCliContext(db: Database): {
  ctx: CliContext;
  out: () => string;
  err: () => string;
} {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    config: loadConfig({}),
    openDb: async () => Object.assign(Object.create(db) as Database, { close: async () => {} }),
    progress: false,
  };
  return { ctx, out: () => out.join(''), err: () => err.join('') };
}
