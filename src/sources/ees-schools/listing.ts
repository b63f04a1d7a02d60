import type { SchoolListing } from '../../schools/register.repository.js';
import { suppressionMarkers } from '../ees/markers.js';

const symbols: ReadonlySet<string> = new Set(suppressionMarkers);

/** A cell as text for the register: null when blank or an EES symbol (telnum is `z` for some schools). */
function words(raw: string | undefined): string | null {
  const t = raw?.trim() ?? '';
  return t === '' || symbols.has(t) ? null : t;
}

/** "Browells Lane, Feltham, TW13 7EF": the postcode is the address's last part, when it is one. */
function postcodeOf(address: string | null): string | null {
  const last = address?.split(',').pop()?.trim().toUpperCase() ?? '';
  return /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/.test(last) ? last : null;
}

/**
 * What a school row says about the school for the register (GIAS, when imported, says more and is
 * never overwritten): its name, LA, establishment number (from school_laestab when its LA part is
 * the school's LA), establishment type, religious character, gender and age range as EES words
 * them. Null when the row names no school.
 */
export function eesListing(
  cells: Record<string, string>,
  urn: number,
  laCode: number,
): SchoolListing | null {
  const name = words(cells.school_name);
  if (name === null) return null;
  const laestab = words(cells.school_laestab);
  const laestabNumber = laestab && /^\d{7}$/.test(laestab) ? Number(laestab) : null;
  const estab =
    laestabNumber !== null && Math.floor(laestabNumber / 10000) === laCode
      ? laestabNumber % 10000
      : null;
  const gender = words(cells.egender);
  const ages = /^(\d{1,2})\s*to\s*(\d{1,2})$/i.exec(words(cells.agerange) ?? '');
  return {
    urn,
    name,
    laCode,
    estab,
    schoolType: words(cells.establishment_type_group),
    religiousCharacter: words(cells.reldenom),
    gender: gender && !/unclassified/i.test(gender) ? gender : null,
    ageLow: ages ? Number(ages[1]) : null,
    ageHigh: ages ? Number(ages[2]) : null,
    postcode: words(cells.school_postcode) ?? postcodeOf(words(cells.full_address)),
    trust: words(cells.trust_name),
  };
}
