import { englandCode } from '../measures/areas.js';
import type { AreaFigureRow } from './schools.repository.js';

/**
 * Which published total a school is compared with. Files give England as several rows: KS2 and
 * KS4 as all schools and state-funded schools (a state school is compared with state-funded
 * schools), the census and absence files one row per phase (a primary school is compared with
 * primary schools). An LA row is the LA's own total in the same file.
 */
export function comparisonKinds(area: 'la' | 'england', phase: string | null): string[] {
  const suffix = phaseSuffix(phase);
  const base = area === 'la' ? ['la'] : ['england-state-funded', 'england'];
  return [
    ...base,
    ...(suffix ? base.map((b) => `${b}${suffix}`) : []),
    ...(area === 'la' ? [] : ['england-all']),
  ];
}

function phaseSuffix(phase: string | null): string | null {
  const p = phase?.toLowerCase() ?? '';
  if (p.includes('primary') || p === 'middle deemed primary') return '-pri';
  if (p.includes('secondary') || p === 'all-through' || p.includes('16 plus')) return '-sec';
  if (p.includes('special') || p === 'not applicable') return '-spe';
  return null;
}

/** Index of the comparison rows: the first kind in order of preference that has the figure. */
export class ComparisonFigures {
  private readonly byKey = new Map<string, AreaFigureRow>();

  constructor(rows: AreaFigureRow[]) {
    for (const r of rows)
      this.byKey.set(key(r.areaCode, r.rowKind, r.publication, r.code, r.yearLabel), r);
  }

  find(
    areaCode: number,
    kinds: string[],
    publication: string,
    code: string,
    yearLabel: string,
  ): AreaFigureRow | null {
    for (const kind of kinds) {
      const row = this.byKey.get(key(areaCode, kind, publication, code, yearLabel));
      if (row) return row;
    }
    return null;
  }

  la(laCode: number | null, phase: string | null, publication: string, code: string, year: string) {
    return laCode === null
      ? null
      : this.find(laCode, comparisonKinds('la', phase), publication, code, year);
  }

  england(phase: string | null, publication: string, code: string, year: string) {
    return this.find(englandCode, comparisonKinds('england', phase), publication, code, year);
  }
}

function key(area: number, kind: string, publication: string, code: string, year: string): string {
  return `${area}|${kind}|${publication}|${code}|${year}`;
}
