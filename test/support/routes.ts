import type { FastifyInstance } from 'fastify';
import type { RouteAccess } from '../../src/web/plugins/access.js';

/** A route the app declares (app.lanternRoutes), as the route-driven tests need it. */
export interface Route {
  method: 'GET' | 'POST';
  url: string;
  params: string[];
  query: string[];
  access: RouteAccess;
  /** Kept by the page cache for everyone (plugins/page-cache.ts publicAnswer). */
  publicAnswer: boolean;
}

/** A real value for each path parameter (demo data), so a request reaches the route's code. */
export function realPath(route: Pick<Route, 'url'>): string {
  const code = /^\/(api\/v1\/)?region\//.test(route.url)
    ? '990'
    : route.url.startsWith('/api/v1/measures')
      ? 'DEMO_KS2_RWM'
      : '933';
  return route.url.replace(':code', code).replace(':measure', 'DEMO_KS2_RWM');
}

/** The GET routes (or those of `method`), each with what it declares. */
export function routeTable(app: FastifyInstance, method: Route['method'] = 'GET'): Route[] {
  return app.lanternRoutes
    .filter((r) => [r.method].flat().includes(method))
    .map((r) => {
      const config = (r.config ?? {}) as { access: RouteAccess; pageCache?: string };
      return {
        method,
        url: r.url,
        params: [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]!),
        query: Object.keys(
          ((r.schema?.querystring as { properties?: object }) ?? {}).properties ?? {},
        ),
        access: config.access,
        publicAnswer: config.pageCache === 'public',
      };
    });
}
