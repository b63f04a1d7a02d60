/**
 * The OpenAPI 3.1 description of every /api/v1 endpoint, served at /api/v1/openapi.json.
 * test/web/openapi.web.test.ts fails when the app registers an /api/v1 route this document
 * does not describe, so the two cannot drift apart.
 */
import { benchmarkSchemas } from './openapi.benchmark-schemas.js';
import { comparisonSchemas } from './openapi.comparison-schemas.js';
import { paths } from './openapi.paths.js';

/** "/api/v1/la/:code/scorecard" → "/api/v1/la/{code}/scorecard". */
export function toOpenApiPath(fastifyPath: string): string {
  return fastifyPath.replace(/:([A-Za-z_]\w*)/g, '{$1}');
}

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lantern API',
      version: '1',
      description:
        'Official DfE data on English local authorities, benchmarked the way LAIT does it. Numbers are unrounded; a missing value is null (with its published suppression marker where there is one), never zero.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    paths: Object.fromEntries(Object.entries(paths).map(([p, item]) => [toOpenApiPath(p), item])),
    components: { schemas: { ...benchmarkSchemas, ...comparisonSchemas } },
  };
}
