import { createDemoAccounts } from '../access/demo-accounts.service.js';
import { hasDemoData, loadDemo, storeIsEmpty } from '../demo/demo.service.js';
import { demoAccountsText } from './demo.js';
import { createLogger, startServer } from '../web/server.js';
import { CliUsageError } from './cli-error.js';
import type { CliContext } from './context.js';

/** The embedded database's shared buffers while serving (PostgreSQL's default is 128MB). */
export const serverSharedBuffers = '32MB';

export interface ServeOptions {
  port?: string;
  host?: string;
  /** Development mode (500 pages show the error and its stack), whatever LANTERN_ENV says. */
  dev?: boolean;
  /** Resolves when the server should stop (default: SIGINT or SIGTERM). */
  untilStopped?: () => Promise<void>;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function parsePort(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535)
    throw new CliUsageError(`--port must be a number from 0 to 65535, not "${text}".`);
  return port;
}

/** `lantern serve`: starts the web app; an empty store gets the demo data set first. */
export async function serveCommand(ctx: CliContext, options: ServeOptions = {}): Promise<void> {
  const port = parsePort(options.port, ctx.config.port);
  const host = options.host ?? ctx.config.host;
  const logger = createLogger(ctx.config.logLevel);
  // Small shared buffers keep the server under 500 MB (src/core/db.ts OpenOptions).
  const db = await ctx.openDb({ sharedBuffers: serverSharedBuffers });
  try {
    if (await storeIsEmpty(db)) {
      const s = await loadDemo(db);
      logger.debug(
        { measures: s.measures, observations: s.observations, ms: s.milliseconds },
        'the store was empty: loaded the synthetic demo data set',
      );
      ctx.stderr(
        'The store held no data, so Lantern loaded its SYNTHETIC demo data set (not official statistics).\n',
      );
    }
    if (await hasDemoData(db)) ctx.stderr(demoAccountsText(await createDemoAccounts(db)));
    const config = options.dev ? { ...ctx.config, production: false } : ctx.config;
    const server = await startServer({ db, config, host, port, logger });
    const mode = config.production ? '' : ' in DEVELOPMENT mode (error pages show stack traces)';
    ctx.stdout(`Lantern is running at ${server.url}${mode}  (Ctrl+C to stop)\n`);
    await (options.untilStopped ?? untilSignal)();
    await server.close();
  } finally {
    await db.close();
  }
}
