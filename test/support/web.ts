import { after, before } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/core/db.js';
import { loadDemo } from '../../src/demo/demo.service.js';
import { buildApp, type AppDeps } from '../../src/web/app.js';
import { freshDatabase, type Engine } from './db.js';

/**
 * For a describe block: before its tests, a fresh store with the demo data and the web app on it
 * (for `app.inject()`), handed to `use`; both closed after the tests. Every LA's scorecard is
 * not warmed in the background unless `options.warm.everyScorecard` asks (it costs seconds).
 */
export function useDemoApp(
  use: (t: { db: Database; app: FastifyInstance }) => void,
  config: AppDeps['config'] = { organisationName: 'Lantern', production: false },
  options: Pick<AppDeps, 'warm' | 'logger' | 'identify'> & { engine?: Engine } = {},
): void {
  let db: Database | undefined;
  let app: FastifyInstance | undefined;
  before(async () => {
    const { engine = 'pglite', ...deps } = options;
    db = await freshDatabase(engine);
    await loadDemo(db);
    app = await buildApp({
      db,
      config,
      ...deps,
      warm: { everyScorecard: false, ...options.warm },
    });
    use({ db, app });
  });
  after(async () => {
    await app?.close();
    await db?.close();
  });
}

/** Waits until `done()` holds (background work such as the warm-up), failing after `ms`. */
export async function until(done: () => boolean, ms = 15000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
