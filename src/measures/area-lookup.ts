import type { Queryable } from '../core/db.js';
import type { Area } from './areas.js';
import { listAreas } from './areas.repository.js';
import { notFoundError } from './suggestions.js';

/**
 * The one place an LA named by a person is found: a 3-digit LA code ("933"), a 9-character
 * GSS code, current or former ("E06000066", "E10000027"), or the name, ignoring case and
 * surrounding spaces ("somerset"). England and regions are not LAs.
 */
export function findLocalAuthority(areas: Area[], text: string): Area | undefined {
  const t = text.trim();
  const las = areas.filter((a) => a.kind === 'la');
  if (/^\d{1,3}$/.test(t)) return las.find((a) => a.code === Number(t));
  const upper = t.toUpperCase();
  if (/^[EWSN]\d{8}$/.test(upper)) {
    return (
      las.find((a) => a.gssCode === upper) ?? las.find((a) => a.formerGssCodes.includes(upper))
    );
  }
  const folded = normaliseName(t);
  return las.find((a) => normaliseName(a.name) === folded);
}

function normaliseName(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** `findLocalAuthority` against the database, or LANTERN_AREA_NOT_FOUND saying what to do. */
export async function resolveLocalAuthority(db: Queryable, text: string): Promise<Area> {
  const area = findLocalAuthority(await listAreas(db), text);
  if (!area) {
    throw await notFoundError(
      db,
      'la',
      text,
      `No local authority matches "${text}".`,
      'Give a 3-digit LA code (933), a 9-character code (E06000066) or the name; run `lantern areas` to list them.',
    );
  }
  return area;
}
