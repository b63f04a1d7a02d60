import type { Database } from '../core/db.js';
import { getMeasureBenchmark, getScorecard } from '../benchmarks/benchmarks.service.js';
import { hasDemoData } from '../demo/demo.service.js';
import type { Area } from '../measures/areas.js';
import { listAreas } from '../measures/areas.repository.js';
import { listReleases, type Release } from '../sources/shared/release.repository.js';

export interface SiteStatus {
  demo: boolean;
  releases: Release[];
}

/** What the web routes may use: db → repositories → services, wired by hand. */
export function createServices(db: Database) {
  return {
    areas: {
      list: (): Promise<Area[]> => listAreas(db),
    },
    benchmarks: {
      scorecard: (laCode: number) => getScorecard(db, laCode),
      measure: (code: string, options: { yearLabel?: string; laCode?: number }) =>
        getMeasureBenchmark(db, code, options),
    },
    site: {
      async status(): Promise<SiteStatus> {
        const [demo, releases] = [await hasDemoData(db), await listReleases(db)];
        return { demo, releases };
      },
    },
  };
}

export type Services = ReturnType<typeof createServices>;
