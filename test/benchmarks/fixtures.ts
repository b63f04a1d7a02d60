import type { Queryable } from '../../src/core/db.js';
import type { Measure } from '../../src/measures/measure.js';
import { upsertMeasures } from '../../src/measures/measures.repository.js';
import {
  replaceNeighbourSet,
  type NeighbourSet,
} from '../../src/measures/neighbours.repository.js';
import {
  upsertObservations,
  type ObservationRow,
} from '../../src/measures/observations.repository.js';

export function measure(code: string, overrides: Partial<Measure> = {}): Measure {
  return {
    code,
    name: `Measure ${code}`,
    topic: 'Topic',
    polarity: 'high',
    decimalPlaces: 1,
    decimalPlacesPublished: true,
    yearType: null,
    unitLabel: null,
    chartTitle: null,
    description: null,
    methodology: null,
    source: null,
    sourceLinks: null,
    lastUpdate: null,
    nextUpdate: null,
    noQuartile: false,
    ...overrides,
  };
}

/** [areaCode, value] pairs for one measure-year; null = suppressed "-". */
export function obs(
  measureCode: string,
  yearLabel: string,
  values: [number, number | null][],
): ObservationRow[] {
  return values.map(([areaCode, value]) => ({
    measureCode,
    areaCode,
    yearLabel,
    yearNumber: Number(yearLabel.slice(0, 4)),
    value,
    suppression: value === null ? '-' : null,
  }));
}

export function neighbourSet(
  version: string,
  neighbours: Record<number, number[]>,
  regions: Record<number, number>,
): NeighbourSet {
  return {
    version,
    description: `test set ${version}`,
    neighbours: new Map(
      Object.entries(neighbours).map(([la, list]) => [
        Number(la),
        list.map((code) => ({ code, closeness: null })),
      ]),
    ),
    regions: new Map(Object.entries(regions).map(([la, r]) => [Number(la), r])),
  };
}

/** Loads measures, observations and one neighbour set through the repositories. */
export async function load(
  tx: Queryable,
  measures: Measure[],
  rows: ObservationRow[],
  set?: NeighbourSet,
): Promise<void> {
  const [release] = await tx.query<{ id: number }>(
    `insert into release (source, description, file_name, checksum_sha256, row_count) values ('demo', 'test', 'test.csv', 'x', $1) returning id`,
    [rows.length],
  );
  await upsertMeasures(tx, measures, release!.id);
  await upsertObservations(tx, rows, release!.id);
  if (set) await replaceNeighbourSet(tx, set, release!.id);
}
