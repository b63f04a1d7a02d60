import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { pino } from 'pino';
import type { Database } from '../core/db.js';
import { startHeapGovernor } from '../core/heap-governor.js';
import { buildApp, type AppDeps } from './app.js';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/**
 * An address as the log may hold it: one-time link tokens and sign-in codes hidden, since a log
 * is read by more people than may sign in as the person the link was for.
 */
export function loggableUrl(url: string): string {
  const at = url.search(/[?#]/);
  const path = at < 0 ? url : url.slice(0, at);
  const rest = at < 0 ? '' : url.slice(at);
  // Judged on the path as the router reads it: "/%69nvitation/…" is the invitation page too.
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Left as it is: the router refuses it too.
  }
  const link = /^\/(invitation|password-reset)\/[^/]+/.exec(decoded);
  const shown = link ? `/${link[1]}/[hidden]` : path;
  return (
    shown + rest.replace(/([?&](?:code|state|token|_csrf|session_state)=)[^&#]*/g, '$1[hidden]')
  );
}

/** The request as logged: no headers (the session cookie), no link tokens. */
const serializers = {
  req: (req: { method?: string; url?: string; ip?: string }) => ({
    method: req.method,
    url: loggableUrl(req.url ?? ''),
    remoteAddress: req.ip,
  }),
};

export function createLogger(
  level: string,
  destination: pino.DestinationStream = pino.destination(2),
): FastifyBaseLogger {
  // Logs go to stderr so stdout stays for what the command prints.
  return pino({ level, serializers }, destination) as FastifyBaseLogger;
}

/** Builds the app and listens on host:port (0 = any free port). `close()` stops the server, not the database. */
export async function startServer(options: {
  db: Database;
  config: AppDeps['config'];
  host: string;
  port: number;
  logger?: FastifyBaseLogger;
}): Promise<RunningServer> {
  const app = await buildApp({
    db: options.db,
    config: options.config,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  await app.listen({ host: options.host, port: options.port });
  // The process's heap kept near what it holds (core/heap-governor.ts, ADR 0010): started by the
  // server, not by buildApp, since it collects for the whole process (tests build many apps).
  const governor = startHeapGovernor();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const close = async () => {
    governor.stop();
    app.log.debug({ collections: governor.collections() }, 'heap governor: full collections made');
    await app.close();
  };
  return { app, url: `http://${host}:${port}/`, close };
}
