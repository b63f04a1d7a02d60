import type { PerformanceFile, SchoolRow, TotalRow } from './read.js';
import type { Reconciliation } from './publications.js';

/** One check of a total row against the school rows it totals. */
export interface ReconciliationLine {
  areaCode: number;
  rowKind: string;
  code: string;
  rule: 'sum' | 'weighted mean';
  published: number;
  /** From the school rows: their sum, or their mean weighted by `weight`. */
  computed: number;
  schools: number;
  /** Schools in the total whose figure (or weight) is suppressed or missing: left out of `computed`. */
  schoolsWithout: number;
  /** How far apart the two may be and still agree: the rounding of what was published. */
  tolerance: number;
  agrees: boolean;
}

/** A national file holds schools of most LAs; only then is its England row checked against them. */
const nationalFileLas = 100;

/**
 * Checks each LA (and, in a national file, England) total row against the school rows of the
 * same file: counts must add up and percentages and averages must be the pupil-weighted mean of
 * the schools', within the rounding of the published figures. Schools whose figure or weight is
 * suppressed are left out, so a difference can be the suppressed schools; it is reported, not
 * refused, because the DfE's totals also count pupils in schools the file does not list.
 */
export function reconcile(f: PerformanceFile): ReconciliationLine[] {
  const checks = f.publication.reconcile;
  if (checks.length === 0) return [];
  const byLa = new Map<number, SchoolRow[]>();
  for (const s of f.schools) {
    if (s.laCode === null) continue;
    const list = byLa.get(s.laCode) ?? [];
    list.push(s);
    byLa.set(s.laCode, list);
  }
  const lines: ReconciliationLine[] = [];
  for (const total of f.totals) {
    const schools = schoolsTotalled(total, byLa, f.schools);
    if (!schools) continue;
    for (const check of checks) {
      const line = checkOne(total, schools, check);
      if (line) lines.push(line);
    }
  }
  return lines;
}

function schoolsTotalled(
  total: TotalRow,
  byLa: Map<number, SchoolRow[]>,
  all: SchoolRow[],
): SchoolRow[] | null {
  // A total for one phase (census "LA"/"NAT" rows by PRI/SEC/SPE) is not checked: the school rows
  // do not say their phase in the same words.
  if (/-(pri|sec|spe|all)$/.test(total.rowKind)) return null;
  if (total.rowKind === 'la') return byLa.get(total.areaCode) ?? null;
  if (byLa.size < nationalFileLas) return null;
  if (total.rowKind === 'england-all') return null; // includes independent schools' pupils
  return all;
}

function checkOne(
  total: TotalRow,
  schools: SchoolRow[],
  check: Reconciliation,
): ReconciliationLine | null {
  const published = total.figures.find((x) => x.code === check.code)?.value;
  if (published === null || published === undefined) return null;
  let sum = 0;
  let weights = 0;
  let counted = 0;
  let without = 0;
  let places = decimalPlaces(published);
  for (const s of schools) {
    const v = s.figures.find((x) => x.code === check.code)?.value;
    if (v === null || v === undefined) {
      without++;
      continue;
    }
    places = Math.max(places, decimalPlaces(v));
    if ('rule' in check) {
      sum += v;
      counted++;
      continue;
    }
    const w = s.figures.find((x) => x.code === check.weight)?.value;
    if (w === null || w === undefined || w <= 0) {
      without++;
      continue;
    }
    sum += v * w;
    weights += w;
    counted++;
  }
  if (counted === 0) return null;
  const computed = 'rule' in check ? sum : sum / weights;
  // Each school's figure and the total are rounded to `places`: half a unit each way.
  const tolerance = 'rule' in check ? 0 : 10 ** -places;
  return {
    areaCode: total.areaCode,
    rowKind: total.rowKind,
    code: check.code,
    rule: 'rule' in check ? 'sum' : 'weighted mean',
    published,
    computed,
    schools: counted,
    schoolsWithout: without,
    tolerance,
    agrees: Math.abs(computed - published) <= tolerance + 1e-9,
  };
}

function decimalPlaces(v: number): number {
  const text = String(v);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}
