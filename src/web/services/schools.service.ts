import type { Database } from '../../core/db.js';
import { loadFamily, type FamilyOptions } from '../../schools/families.service.js';
import { loadLaSchools } from '../../schools/la-schools.service.js';
import { loadSchoolProfile } from '../../schools/school-profile.service.js';
import type { createDataVersionCache } from './data-version-cache.js';

/** School profiles and LA school lists, cached per data version (all published data). */
export function createSchoolsService(
  db: Database,
  cache: ReturnType<typeof createDataVersionCache>,
) {
  return {
    profile: (urn: number) => cache.get(`school:${urn}`, () => loadSchoolProfile(db, urn)),
    /** Every school of the LA with its headline figures; the page filters and sorts it. */
    /** A school's family for these choices (a LanternError says why it has none). */
    family: (urn: number, options: FamilyOptions) =>
      cache.get(`family:${urn}:${JSON.stringify(options)}`, () => loadFamily(db, urn, options)),
    laList: (laCode: number) => cache.get(`la-schools:${laCode}`, () => loadLaSchools(db, laCode)),
  };
}
