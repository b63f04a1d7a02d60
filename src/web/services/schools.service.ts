import type { Database } from '../../core/db.js';
import { loadFamily, type FamilyOptions } from '../../schools/families.service.js';
import { loadLaSchools } from '../../schools/la-schools.service.js';
import {
  loadSchoolProfile,
  storeContext,
  type ProfileContext,
} from '../../schools/school-profile.service.js';
import type { createDataVersionCache } from './data-version-cache.js';

/** School profiles and LA school lists, cached per data version (all published data). */
export function createSchoolsService(
  db: Database,
  cache: ReturnType<typeof createDataVersionCache>,
  /** England, the regions and every LA, as the other pages read them (find.service.ts). */
  areas: ProfileContext['areas'],
) {
  const store = storeContext(db);
  // What every profile of an LA shares, kept per data version like the profiles themselves.
  const context: ProfileContext = {
    areas,
    areaFigures: (code) => cache.get(`school-profile:area:${code}`, () => store.areaFigures(code)),
  };
  return {
    profile: (urn: number) => cache.get(`school:${urn}`, () => loadSchoolProfile(db, urn, context)),
    /** A school's family for these choices (a LanternError says why it has none). */
    family: (urn: number, options: FamilyOptions) =>
      cache.get(`family:${urn}:${JSON.stringify(options)}`, () => loadFamily(db, urn, options)),
    /** Every school of the LA with its headline figures; the page filters and sorts it. */
    laList: (laCode: number) => cache.get(`la-schools:${laCode}`, () => loadLaSchools(db, laCode)),
  };
}
