/** Schemas of the comparison and search endpoints (neighbours, region, areas, search, compare). */
import { int, num, ref, str, type Schema } from './openapi.helpers.js';

/** What every one-measure, one-year comparison starts with. */
const measureYear = {
  measure: ref('Measure'),
  yearLabel: { type: 'string' },
  yearLabels: { type: 'array', items: { type: 'string' }, description: 'Newest first.' },
  cutPoints: ref('CutPoints'),
};

export const comparisonSchemas: Record<string, Schema> = {
  NeighbourSetSummary: {
    type: 'object',
    properties: { version: { type: 'string' }, description: { type: 'string' } },
  },
  NeighbourComparison: {
    type: 'object',
    properties: {
      ...measureYear,
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
      ...measureYear,
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
