/** Search and catalogue listings for the home page and the JSON API. */
import { listMeasureSummaries } from '../../benchmarks/benchmarks.service.js';
import type { Queryable } from '../../core/db.js';
import { listAreas } from '../../measures/areas.repository.js';
import { listMeasures } from '../../measures/measures.repository.js';
import type { DataVersionCache } from '../services/data-version-cache.js';
import { createSearchIndex } from './search.js';

export function createFindService(db: Queryable, cache: DataVersionCache) {
  const index = () =>
    cache.get('find:index', async () =>
      createSearchIndex(await listAreas(db), await listMeasures(db)),
    );
  const summaries = () => cache.get('find:measure-summaries', () => listMeasureSummaries(db));

  return {
    /** LAs and measures matching the words (typo-tolerant). */
    search: async (q: string, limit?: number) =>
      (await index()).search(q, limit === undefined ? {} : { limit }),
    /** Every measure with its years; only those matching `q` (best first) when given. */
    async measures(q = '') {
      const all = await summaries();
      if (!q.trim()) return all;
      const byCode = new Map(all.map((s) => [s.measure.code, s]));
      return (await index())
        .measures(q, 100)
        .map((hit) => byCode.get(hit.code))
        .filter((s) => s !== undefined);
    },
    /** England, the regions and every LA (current and former). */
    areas: () => cache.get('find:areas', () => listAreas(db)),
  };
}

export type FindService = ReturnType<typeof createFindService>;
