/** Every /api/v1 path with its parameters and responses (schemas in openapi.*-schemas.ts). */
import { ref, type Schema } from './openapi.helpers.js';

const laCode = {
  name: 'code',
  in: 'path',
  required: true,
  description: '3-digit LA code, e.g. 933 (Somerset).',
  schema: { type: 'string', pattern: '^\\d{3}$' },
};
const measureCode = {
  name: 'measure',
  in: 'path',
  required: true,
  description: 'Measure code, e.g. KS2RWM_Expected_STD (case-sensitive).',
  schema: { type: 'string' },
};
const year = {
  name: 'year',
  in: 'query',
  description: 'Year label as published ("2025", "2024-25"); latest when left out.',
  schema: { type: 'string' },
};
const q = (description: string) => ({
  name: 'q',
  in: 'query',
  description,
  schema: { type: 'string' },
});

const ok = (schema: Schema, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});
const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});

type Operation = Record<string, unknown>;
/** Every route's parameters are checked first (src/web/route-schemas.ts): any may answer this. */
const badParameter = error(
  'A parameter is refused: over 200 characters, a control character, a name such as "constructor", a malformed %-escape or a repeated single value.',
);
const get = (summary: string, op: Operation): { get: Operation } => ({
  get: { summary, ...op, responses: { 400: badParameter, ...(op.responses as object) } },
});

/** Paths keyed as Fastify registers them (":code"), converted to OpenAPI's "{code}". */
export const paths: Record<string, { get: Operation }> = {
  '/api/v1/search': get('Find LAs (by name or code) and measures (by words), typo-tolerant', {
    parameters: [q('Words, an LA name, or a 3-digit or 9-character LA code.')],
    responses: { 200: ok(ref('SearchResults')) },
  }),
  '/api/v1/measures': get("The measure catalogue with each measure's years", {
    parameters: [q('Words to filter by (typo-tolerant); every measure when left out.')],
    responses: {
      200: ok({
        type: 'object',
        properties: {
          query: { type: 'string' },
          measures: { type: 'array', items: ref('MeasureSummary') },
        },
      }),
    },
  }),
  '/api/v1/areas': get('England, the regions and every LA (current and former)', {
    responses: {
      200: ok({ type: 'object', properties: { areas: { type: 'array', items: ref('Area') } } }),
    },
  }),
  '/api/v1/compare': get('Build your own comparison: LAs × measures × years, values as published', {
    parameters: [
      {
        name: 'la',
        in: 'query',
        description: 'LA code (3-digit or 9-character); repeat for more.',
        schema: { type: 'array', items: { type: 'string' } },
        style: 'form',
        explode: true,
      },
      {
        name: 'group',
        in: 'query',
        description:
          'region:<code> (region:990) or sn:<LA code> (an LA and its 10 statistical neighbours); repeatable.',
        schema: { type: 'array', items: { type: 'string' } },
        style: 'form',
        explode: true,
      },
      {
        name: 'setname',
        in: 'query',
        description: 'Name of a saved set of LAs.',
        schema: { type: 'string' },
      },
      {
        name: 'setlas',
        in: 'query',
        description: "The saved set's LA codes, separated by commas or spaces.",
        schema: { type: 'string' },
      },
      {
        name: 'measure',
        in: 'query',
        required: true,
        description: 'Measure code; repeat for more (at most 10).',
        schema: { type: 'array', items: { type: 'string' } },
        style: 'form',
        explode: true,
      },
      {
        name: 'year',
        in: 'query',
        description: '4-digit year (repeatable) or "latest"; every year when left out.',
        schema: { type: 'array', items: { type: 'string' } },
        style: 'form',
        explode: true,
      },
      {
        name: 'england',
        in: 'query',
        description: "1: add England's figures.",
        schema: { type: 'string', enum: ['1'] },
      },
    ],
    responses: {
      200: ok(ref('Comparison')),
      400: error('Something chosen is unknown or over a limit; `problems` names each.'),
    },
  }),
  '/api/v1/la/:code/scorecard': get("Every measure's latest benchmark for one LA", {
    parameters: [laCode],
    responses: { 200: ok(ref('Scorecard')), 404: error('No such LA.') },
  }),
  '/api/v1/measures/:code/benchmark': get(
    "Every LA's benchmark on one measure in one year (the all-LAs page)",
    {
      parameters: [
        { ...measureCode, name: 'code' },
        year,
        {
          name: 'la',
          in: 'query',
          description: "Only this LA's row (3-digit code).",
          schema: { type: 'string', pattern: '^\\d{3}$' },
        },
      ],
      responses: {
        200: ok(ref('MeasureBenchmark')),
        400: error('la is not a 3-digit code.'),
        404: error('No such measure, LA or year.'),
      },
    },
  ),
  '/api/v1/la/:code/measure/:measure': get(
    'One measure for one LA over time: LA, region, SN average and England',
    {
      parameters: [laCode, measureCode],
      responses: { 200: ok(ref('LaMeasureTimeSeries')), 404: error('No such LA or measure.') },
    },
  ),
  '/api/v1/la/:code/neighbours/:measure': get(
    'An LA and its 10 statistical neighbours on one measure',
    {
      parameters: [
        laCode,
        measureCode,
        {
          name: 'set',
          in: 'query',
          description: 'Neighbour set: "2025" (default) or "2021".',
          schema: { type: 'string' },
        },
        year,
      ],
      responses: {
        200: ok(ref('NeighbourComparison')),
        400: error('An unknown year or set; the message lists the choices.'),
        404: error('No such LA or measure.'),
      },
    },
  ),
  '/api/v1/region/:code/:measure': get(
    'Every LA in a region on one measure, with the region and England',
    {
      parameters: [
        { ...laCode, description: 'Region code (980-990), e.g. 990 South West.' },
        measureCode,
        year,
      ],
      responses: {
        200: ok(ref('RegionComparison')),
        400: error('An unknown year; the message lists the choices.'),
        404: error('No such region or measure.'),
      },
    },
  ),
  '/api/v1/openapi.json': get('This document', {
    responses: { 200: ok({ type: 'object' }, 'An OpenAPI 3.1 document') },
  }),
};
