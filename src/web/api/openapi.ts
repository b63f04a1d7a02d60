/**
 * The OpenAPI 3.1 description of every /api/v1 endpoint, served at /api/v1/openapi.json.
 * test/web/openapi.web.test.ts fails when the app registers an /api/v1 route this document
 * does not describe, so the two cannot drift apart.
 */

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string): Schema => ({ type: [type, 'null'] });
const num = nullable('number');
const str = nullable('string');
const int = nullable('integer');

const schemas: Record<string, Schema> = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: {
            type: 'string',
            description: 'A stable code, e.g. LANTERN_MEASURE_NOT_FOUND (docs/errors.md).',
          },
          message: { type: 'string' },
          problems: { type: 'array', items: ref('Problem') },
          suggestions: {
            type: 'array',
            description:
              'For an LA or measure not found: the nearest ones (at most 5), each with this path for it.',
            items: ref('Suggestion'),
          },
        },
      },
    },
  },
  Suggestion: {
    type: 'object',
    required: ['code', 'name', 'href'],
    properties: {
      code: { type: 'string', examples: ['KS2RWM_Expected_STD', '933'] },
      name: { type: 'string' },
      href: { type: 'string', examples: ['/api/v1/measures/KS2RWM_Expected_STD/benchmark'] },
    },
  },
  Problem: {
    type: 'object',
    required: ['field', 'message'],
    properties: {
      field: { type: 'string', enum: ['la', 'group', 'setlas', 'setname', 'measure', 'year'] },
      message: { type: 'string' },
    },
  },
  Measure: {
    type: 'object',
    required: ['code', 'name', 'topic', 'polarity', 'decimalPlaces'],
    properties: {
      code: { type: 'string', examples: ['KS2RWM_Expected_STD'] },
      name: { type: 'string' },
      topic: { type: 'string' },
      polarity: {
        type: ['string', 'null'],
        enum: ['high', 'low', null],
        description: 'Which direction is better; null: neither (no rank or band).',
      },
      decimalPlaces: { type: 'integer' },
      decimalPlacesPublished: { type: 'boolean' },
      yearType: str,
      unitLabel: str,
      chartTitle: str,
      description: str,
      methodology: str,
      source: str,
      sourceLinks: str,
      lastUpdate: { type: ['string', 'null'], format: 'date' },
      nextUpdate: { type: ['string', 'null'], format: 'date' },
      noQuartile: { type: 'boolean' },
    },
  },
  MeasureSummary: {
    type: 'object',
    required: ['measure', 'yearLabels'],
    properties: {
      measure: ref('Measure'),
      yearLabels: {
        type: 'array',
        items: { type: 'string' },
        description: 'Years with data, oldest first.',
      },
    },
  },
  CutPoints: {
    type: ['object', 'null'],
    description: 'Type-7 quartiles of the LA values (unrounded); null where bands do not apply.',
    properties: {
      q0: { type: 'number' },
      q25: { type: 'number' },
      q50: { type: 'number' },
      q75: { type: 'number' },
      q100: { type: 'number' },
      laCount: { type: 'integer' },
    },
  },
  LaBenchmark: {
    type: 'object',
    description:
      'Where one LA stands on one measure in one year. Numbers unrounded; null where missing.',
    properties: {
      laCode: { type: 'integer' },
      laName: { type: 'string' },
      value: num,
      suppression: str,
      rank: int,
      rankOf: int,
      quartileBand: { type: ['string', 'null'], enum: ['A', 'B', 'C', 'D', null] },
      statisticalNeighboursAverage: num,
      statisticalNeighboursWithValue: { type: 'integer' },
      regionCode: int,
      regionName: str,
      regionValue: num,
      englandValue: num,
      previousYearLabel: str,
      changeFromPrevious: num,
      changeDirection: {
        type: ['string', 'null'],
        enum: ['better', 'worse', 'same', 'no_direction', null],
      },
      nextBand: { type: ['string', 'null'], enum: ['A', 'B', 'C', 'D', null] },
      distanceToNextBand: num,
      distanceToEngland: num,
    },
  },
  MeasureBenchmark: {
    type: 'object',
    properties: {
      measure: ref('Measure'),
      yearLabel: { type: 'string' },
      yearNumber: { type: 'integer' },
      yearLabels: { type: 'array', items: { type: 'string' }, description: 'Newest first.' },
      cutPoints: ref('CutPoints'),
      neighbourSetVersion: str,
      rows: { type: 'array', items: ref('LaBenchmark') },
    },
  },
  Scorecard: {
    type: 'object',
    properties: {
      laCode: { type: 'integer' },
      laName: { type: 'string' },
      neighbourSetVersion: str,
      topics: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            topic: { type: 'string' },
            entries: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  measure: ref('Measure'),
                  yearLabel: { type: 'string' },
                  cutPoints: ref('CutPoints'),
                  benchmark: ref('LaBenchmark'),
                },
              },
            },
          },
        },
      },
    },
  },
  LaMeasureTimeSeries: {
    type: 'object',
    description:
      "LAIT's LA view: every year of one LA on one measure, with its region, SN average and England (inside each year's benchmark).",
    properties: {
      measure: ref('Measure'),
      la: { type: 'object', properties: { code: { type: 'integer' }, name: { type: 'string' } } },
      neighbourSetVersion: str,
      years: {
        type: 'array',
        description: 'Oldest first.',
        items: {
          type: 'object',
          properties: {
            yearLabel: { type: 'string' },
            yearNumber: { type: 'integer' },
            benchmark: ref('LaBenchmark'),
            cutPoints: ref('CutPoints'),
          },
        },
      },
      latestYearLabel: str,
    },
  },
  NeighbourSetSummary: {
    type: 'object',
    properties: { version: { type: 'string' }, description: { type: 'string' } },
  },
  NeighbourComparison: {
    type: 'object',
    properties: {
      measure: ref('Measure'),
      yearLabel: { type: 'string' },
      yearLabels: { type: 'array', items: { type: 'string' }, description: 'Newest first.' },
      cutPoints: ref('CutPoints'),
      neighbourSet: ref('NeighbourSetSummary'),
      neighbourSets: { type: 'array', items: ref('NeighbourSetSummary') },
      la: ref('LaBenchmark'),
      neighbours: {
        type: 'array',
        description: 'SN1 (closest) first; empty when the LA has no neighbours in the set.',
        items: {
          type: 'object',
          properties: {
            position: { type: 'integer' },
            closeness: str,
            benchmark: ref('LaBenchmark'),
          },
        },
      },
    },
  },
  AreaValue: {
    type: 'object',
    properties: {
      code: { type: 'integer' },
      name: { type: 'string' },
      kind: { type: 'string', enum: ['region', 'england'] },
      parentCode: int,
      value: num,
      suppression: str,
    },
  },
  RegionComparison: {
    type: 'object',
    properties: {
      measure: ref('Measure'),
      yearLabel: { type: 'string' },
      yearLabels: { type: 'array', items: { type: 'string' }, description: 'Newest first.' },
      cutPoints: ref('CutPoints'),
      region: ref('AreaValue'),
      england: ref('AreaValue'),
      las: {
        type: 'array',
        items: ref('LaBenchmark'),
        description: "The region's LAs, best first.",
      },
      regions: { type: 'array', items: ref('AreaValue'), description: 'Every region and England.' },
    },
  },
  Area: {
    type: 'object',
    properties: {
      code: { type: 'integer', description: '3-digit DfE code (970 England, 980-990 regions).' },
      kind: { type: 'string', enum: ['england', 'region', 'la'] },
      name: { type: 'string' },
      gssCode: str,
      formerGssCodes: { type: 'array', items: { type: 'string' } },
      regionCode: int,
      parentCode: int,
      laType: str,
      status: { type: 'string', enum: ['current', 'former'] },
      successorCodes: { type: 'array', items: { type: 'integer' } },
      endedOn: { type: ['string', 'null'], format: 'date' },
    },
  },
  SearchResults: {
    type: 'object',
    properties: {
      query: { type: 'string' },
      counts: {
        type: 'object',
        properties: { las: { type: 'integer' }, measures: { type: 'integer' } },
      },
      las: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            code: { type: 'integer' },
            name: { type: 'string' },
            gssCode: str,
            regionName: str,
            href: { type: 'string' },
          },
        },
      },
      measures: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            code: { type: 'string' },
            name: { type: 'string' },
            topic: { type: 'string' },
            href: { type: 'string' },
          },
        },
      },
    },
  },
  Comparison: {
    type: 'object',
    properties: {
      las: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            code: { type: 'integer' },
            name: { type: 'string' },
            via: {
              type: 'string',
              description:
                'How the LA came in: "chosen", a region, an LA\'s statistical neighbours, or the saved set\'s name.',
            },
          },
        },
      },
      regions: {
        type: 'array',
        items: {
          type: 'object',
          properties: { code: { type: 'integer' }, name: { type: 'string' } },
        },
      },
      setName: str,
      neighbourSetVersion: str,
      years: {
        oneOf: [
          { type: 'string', enum: ['all', 'latest'] },
          { type: 'array', items: { type: 'integer' } },
        ],
      },
      england: { type: 'boolean' },
      measures: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            measure: ref('Measure'),
            yearLabels: { type: 'array', items: { type: 'string' }, description: 'Oldest first.' },
            rows: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  kind: { type: 'string', enum: ['la', 'region', 'england'] },
                  code: { type: 'integer' },
                  name: { type: 'string' },
                  values: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: { yearLabel: { type: 'string' }, value: num, suppression: str },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

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
const get = (summary: string, op: Operation): { get: Operation } => ({
  get: { summary, ...op, responses: { ...(op.responses as object) } },
});

/** Paths keyed as Fastify registers them (":code"), converted to OpenAPI's "{code}". */
const paths: Record<string, { get: Operation }> = {
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
    components: { schemas },
  };
}
