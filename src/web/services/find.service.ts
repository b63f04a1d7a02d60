/** Search and catalogue listings for the home page and the JSON API. */
import { listMeasureSummaries } from '../../benchmarks/benchmarks.service.js';
import type { Queryable } from '../../core/db.js';
import { listAreas } from '../../measures/areas.repository.js';
import { listMeasures } from '../../measures/measures.repository.js';
import { createSearchIndex, type SearchLinks } from '../../measures/search.js';
import type { DataVersionCache } from './data-version-cache.js';

/** The pages search hits link to. */
const links: SearchLinks = {
  la: (code) => `/la/${code}`,
  measure: (code) => `/measure/${encodeURIComponent(code)}`,
};

export function createFindService(db: Queryable, cache: DataVersionCache) {
  const index = () =>
    cache.get('find:index', async () =>
      createSearchIndex(await listAreas(db), await listMeasures(db), links),
    );
  const summaries = () => cache.get('find:measure-summaries', () => listMeasureSummaries(db));

  return {
    /** LAs and measures matching the words (typo-tolerant). */
    search: async (q: string, limit?: number) =>
      (await index()).search(q, limit === undefined ? {} : { limit }),
    /** Every measure with its years; only those matching `q` (best first) when given. */
    async measures(q = '') {
      const all = await summaries();
      return q.trim() ? (await index()).matching(all, q) : all;
    },
    /** England, the regions and every LA (current and former). */
    areas: () => cache.get('find:areas', () => listAreas(db)),
  };
}

export type FindService = ReturnType<typeof createFindService>;
