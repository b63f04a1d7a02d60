import type { LaBenchmark } from './benchmark.js';

/** An LA with no row for the measure that year: everything missing. */
export function emptyBenchmark(la: { code: number; name: string }): LaBenchmark {
  return {
    laCode: la.code,
    laName: la.name,
    value: null,
    suppression: null,
    rank: null,
    rankOf: null,
    quartileBand: null,
    statisticalNeighboursAverage: null,
    statisticalNeighboursWithValue: 0,
    regionCode: null,
    regionName: null,
    regionValue: null,
    englandValue: null,
    previousYearLabel: null,
    changeFromPrevious: null,
    changeDirection: null,
    nextBand: null,
    distanceToNextBand: null,
    distanceToEngland: null,
  };
}
