/**
 * Every route says what it needs (`config: needs('manage-users')`, or `openStatistics` for the
 * published figures); a route that says nothing stops the app at start-up, so none can be
 * added open by mistake. Before anything else answers (the page cache included), the policy
 * (src/access/policy.ts) decides: allowed, 401 (sign in) or 403 (not allowed).
 */
import type { FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import {
  decide,
  type Permission,
  type PublicAccess,
  type Scope,
  type Viewer,
} from '../../access/policy.js';
import { lanternError } from '../../core/errors.js';
import { publicAnswer } from './page-cache.js';

/** What a route needs: a permission, or 'anyone' (the sign-in page, files the pages use). */
export interface RouteAccess {
  permission: Permission | 'anyone';
  /** Path parameters naming the LA (`la`) or school (`urn`) a scoped permission is checked on. */
  scope?: { la?: string; urn?: string };
}

/** A route's `config` part saying what it needs. */
export function needs(permission: RouteAccess['permission'], scope?: RouteAccess['scope']) {
  return { access: { permission, ...(scope ? { scope } : {}) } satisfies RouteAccess };
}

/** The published national statistics: the same page for everyone allowed to see them. */
export const openStatistics = { ...publicAnswer, ...needs('open-statistics') };

/** The files every page uses (CSS, fonts, scripts, the logo): served before any route's check. */
export const fileForEveryone = /^\/(govuk|assets|public)\/|^\/organisation-logo$/;

const scopedPermissions: RouteAccess['permission'][] = [
  'read-la-restricted',
  'edit-la-restricted',
  'read-school-restricted',
];

/** Called for each route as it is added (app.ts): refuses one that does not say what it needs. */
export function requireAccess(route: RouteOptions): void {
  const config = (route.config ?? {}) as { access?: RouteAccess };
  if (config.access) {
    // A scoped permission with no LA or school to check would let every LA's staff in.
    if (scopedPermissions.includes(config.access.permission) && !config.access.scope)
      throw new Error(
        `${String(route.method)} ${route.url} needs ${config.access.permission}, which is checked on an LA or school: say which path parameter names it, needs(permission, { la: 'code' }).`,
      );
    return;
  }
  if (fileForEveryone.test(route.url)) {
    route.config = { ...config, access: { permission: 'anyone' } } as typeof route.config;
    return;
  }
  throw new Error(
    `${String(route.method)} ${route.url} must say who may use it: config: needs(permission) or openStatistics from src/web/plugins/access.ts.`,
  );
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may use the route (needs, openStatistics). */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** Who is signed in, or null. */
    viewer: Viewer;
  }
}

export interface AccessOptions {
  publicAccess: PublicAccess;
  /** Who made the request (the session plugin); nobody until sign-in is built. */
  identify?: (request: FastifyRequest) => Promise<Viewer>;
}

export const accessControl = fp<AccessOptions>(
  async (app, options) => {
    app.decorateRequest('viewer', null);
    app.addHook('onRequest', async (request) => {
      request.viewer = options.identify ? await options.identify(request) : null;
      // No route matched (a 404): the not-found page shows nothing restricted.
      const access = (request.routeOptions.config as { access?: RouteAccess }).access;
      if (!access || access.permission === 'anyone') return;
      const scope = scopeOf(request, access);
      const decision = decide(request.viewer, access.permission, {
        scope,
        publicAccess: options.publicAccess,
      });
      if (decision === 'sign-in')
        throw lanternError('LANTERN_SIGN_IN_NEEDED', 'You need to sign in to see this.');
      if (decision === 'forbidden')
        throw lanternError('LANTERN_FORBIDDEN', 'Your account does not give you access to this.');
    });
    // What is not the published statistics (an account, the users, the audit log, a form with
    // its token) is kept by no browser or proxy: Back after signing out on a shared PC shows nothing.
    app.addHook('onSend', async (request, reply) => {
      const access = (request.routeOptions.config as { access?: RouteAccess }).access;
      if (!access || access.permission === 'open-statistics' || fileForEveryone.test(request.url))
        return;
      reply.header('cache-control', 'no-store');
    });
  },
  { name: 'lantern-access' },
);

function scopeOf(request: FastifyRequest, access: RouteAccess): Scope {
  const params = (request.params ?? {}) as Record<string, string | undefined>;
  const number = (name: string | undefined) => {
    const value = name ? params[name] : undefined;
    return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
  };
  const laCode = number(access.scope?.la);
  const urn = number(access.scope?.urn);
  // A scoped route whose parameter is not a number names no LA or school: scoped to nothing
  // but the administrator's everything (-1 matches no one's scope).
  return {
    ...(access.scope?.la ? { laCode: laCode ?? -1 } : {}),
    ...(access.scope?.urn ? { urn: urn ?? -1 } : {}),
  };
}
