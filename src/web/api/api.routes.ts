import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../services/services.js';
import { benchmarksApi } from './benchmarks.api.js';
import { comparisonApi } from './comparison.api.js';
import { findApi } from './find.api.js';

/** Every /api/v1 route (registered with that prefix); /api/v1/openapi.json describes them all. */
export function apiRoutes(services: Services): FastifyPluginAsync {
  return async (app) => {
    await app.register(benchmarksApi(services));
    await app.register(comparisonApi(services));
    await app.register(findApi(services));
  };
}
