import type { Database } from '../../core/db.js';
import { getNeighbourComparison, getNeighbourSets } from '../../benchmarks/neighbours.service.js';
import { getRegionComparison } from '../../benchmarks/region.service.js';
import type { DataVersionCache } from './data-version-cache.js';

/**
 * The statistical-neighbours, region and all-LAs pages' data, cached per data version. The
 * cached objects are shared between requests: never mutate them.
 */
export function createComparisonService(db: Database, cache: DataVersionCache) {
  return {
    neighbourSets: () => cache.get('neighbour-sets', () => getNeighbourSets(db)),
    neighbours: (laCode: number, measureCode: string, yearLabel?: string, setVersion?: string) =>
      cache.get(`neighbours:${JSON.stringify([laCode, measureCode, yearLabel, setVersion])}`, () =>
        getNeighbourComparison(db, laCode, measureCode, {
          ...(yearLabel !== undefined ? { yearLabel } : {}),
          ...(setVersion !== undefined ? { setVersion } : {}),
        }),
      ),
    region: (regionCode: number, measureCode: string, yearLabel?: string) =>
      cache.get(`region:${JSON.stringify([regionCode, measureCode, yearLabel])}`, () =>
        getRegionComparison(db, regionCode, measureCode, {
          ...(yearLabel !== undefined ? { yearLabel } : {}),
        }),
      ),
  };
}
