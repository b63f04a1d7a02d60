/** Schemas of the benchmark endpoints (measures, benchmarks, scorecards, time series). */
import { int, num, ref, str, type Schema } from './openapi.helpers.js';

/** What the scorecard sends of each measure (src/web/api/scorecard.api-shape.ts). */
const headingProperties: Record<string, Schema> = {
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
  source: str,
  lastUpdate: { type: ['string', 'null'], format: 'date' },
  nextUpdate: { type: ['string', 'null'], format: 'date' },
  noQuartile: { type: 'boolean' },
};

const measureProperties: Record<string, Schema> = {
  ...headingProperties,
  chartTitle: str,
  description: str,
  methodology: str,
  sourceLinks: str,
};

export const benchmarkSchemas: Record<string, Schema> = {
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
    properties: measureProperties,
  },
  MeasureHeading: {
    type: 'object',
    description:
      "A measure without its long texts (chart title, description, methodology, source links): `href` gives them, with the LA's figures over time.",
    required: ['code', 'name', 'topic', 'polarity', 'decimalPlaces', 'href'],
    properties: {
      ...headingProperties,
      href: { type: 'string', examples: ['/api/v1/la/933/measure/KS2RWM_Expected_STD'] },
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
                  measure: ref('MeasureHeading'),
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
};
