import type { Database } from '../../core/db.js';
import {
  getMeasureBenchmark,
  getScorecard,
  readScorecardCatalogue,
} from '../../benchmarks/benchmarks.service.js';
import { createCompareService } from '../../benchmarks/compare.service.js';
import { hasDemoData } from '../../demo/demo.service.js';
import type { Area } from '../../measures/areas.js';
import { findLocalAuthority, resolveLocalAuthority } from '../../measures/area-lookup.js';
import { listMeasureReleaseIds } from '../../measures/measure-releases.repository.js';
import { listReleases, type Release } from '../../measures/releases.repository.js';
import { createDataVersionCache } from './data-version-cache.js';
import { createLaPagesService } from './la-pages.service.js';
import { createComparisonService } from './comparison.service.js';
import { createFindService } from './find.service.js';
import { createAccessService, type MailSettings } from './access.service.js';
import { createStrategiesService } from './strategies.service.js';
import { createSchoolsService } from './schools.service.js';

export interface SiteStatus {
  demo: boolean;
  releases: Release[];
}

/** What the web routes may use: db → repositories → services, wired by hand. */
export function createServices(
  db: Database,
  options: { dataCacheBytes?: number; mail?: MailSettings } = {},
) {
  const cache = createDataVersionCache(db, { maxBytes: options.dataCacheBytes });
  const find = createFindService(db, cache);
  // Every LA's scorecard shares one reading of the measures (a few MB of metadata) per version.
  const scorecard = async (laCode: number) =>
    cache.get(`scorecard:${laCode}`, async () =>
      getScorecard(
        db,
        laCode,
        await cache.get('scorecard-catalogue', () => readScorecardCatalogue(db)),
      ),
    );
  return {
    /** Signing in, accounts, users and the audit log (never cached). */
    access: createAccessService(
      db,
      options.mail ?? { baseUrl: 'http://localhost', organisationName: 'Lantern' },
    ),
    /** Page data cached per data version (see data-version-cache.ts). */
    cache,
    areas: {
      /** England, the regions and every LA, read once per data version. */
      list: (): Promise<Area[]> => find.areas(),
      /** The LA for a code, a GSS code or a name (measures/area-lookup.ts), or undefined. */
      findLa: async (raw: string): Promise<Area | undefined> =>
        findLocalAuthority(await find.areas(), raw),
      /** As findLa, but LANTERN_AREA_NOT_FOUND with the nearest LAs when none matches (a 404). */
      resolveLa: async (raw: string): Promise<Area> =>
        findLocalAuthority(await find.areas(), raw) ?? resolveLocalAuthority(db, raw),
    },
    benchmarks: {
      scorecard,
      measure: (
        code: string,
        options: { yearLabel?: string; laCode?: number; neighbourSetVersion?: string },
      ) =>
        cache.get(
          `measure:${JSON.stringify([code, options.yearLabel, options.laCode, options.neighbourSetVersion])}`,
          () => getMeasureBenchmark(db, code, options),
        ),
    },
    /** Search and catalogue listings (home page, /api/v1/search, /measures, /areas). */
    find,
    /** "Build your own" comparisons (/compare). */
    compare: createCompareService(db, cache),
    /** Statistical-neighbours, region and all-LAs pages. */
    comparison: createComparisonService(db, cache),
    /** LA scorecard history and LA-measure time series. */
    laPages: createLaPagesService(db, cache, scorecard),
    site: siteService(db, cache),
    /** The strategy tracker: restricted, read under row security, every read audited. */
    strategies: createStrategiesService(db, cache),
    /** School profiles and LA school lists (published data, like the LA pages). */
    schools: createSchoolsService(db, cache, find.areas),
  };
}

function siteService(db: Database, cache: ReturnType<typeof createDataVersionCache>) {
  return {
    status: (): Promise<SiteStatus> =>
      cache.get('site-status', async () => {
        const [demo, releases] = await Promise.all([hasDemoData(db), listReleases(db)]);
        return { demo, releases };
      }),
    /** Measure code → the release its metadata came from (the page frame's "data source"). */
    measureReleaseIds: () => cache.get('measure-releases', () => listMeasureReleaseIds(db)),
  };
}

export type Services = ReturnType<typeof createServices>;
