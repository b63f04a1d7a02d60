import type { Queryable } from '../core/db.js';
import { englandCode } from '../measures/areas.js';
import { headlineFigure, type HeadlineFigure } from './headlines.js';
import {
  filterSchools,
  listColumns,
  listSchools,
  type ListColumn,
  type ListedSchool,
  type ListFilters,
} from './la-schools.js';
import { ComparisonFigures } from './comparison.js';
import { gapDefinitions, gapRows, type GapRow } from './gaps.js';
import { latestInspectionsForLa } from './inspections.repository.js';
import { areaFigures, figureForSchools, schoolsInLa } from './schools.repository.js';

/** The LA list's columns, in order: intake, then results, then absence. */
const listFigureKeys: [string, string][] = [
  ['census', 'NOR'],
  ['census', 'PNUMFSMEVER'],
  ['ks2', 'PTRWM_EXP'],
  ['ks2', 'PTRWM_HIGH'],
  ['ks4', 'ATT8SCR'],
  ['ks4', 'P8MEA'],
  ['ks4', 'PTL2BASICS_94'],
  ['absence', 'PERCTOT'],
  ['absence', 'PPERSABS10'],
];

export const listFigures: HeadlineFigure[] = listFigureKeys.map(([p, c]) => headlineFigure(p, c)!);

export interface LaSchoolsList {
  laCode: number;
  columns: ListColumn[];
  /** Every school of the LA in the register. */
  total: number;
  schools: ListedSchool[];
  /** The LA's own disadvantage gaps, from its total rows, with England's (gaps.ts). */
  gaps: GapRow[];
}

/** The LA's schools with their latest headline figures, filtered. */
export async function loadLaSchools(
  db: Queryable,
  laCode: number,
  filters: ListFilters = {},
): Promise<LaSchoolsList> {
  const schools = await schoolsInLa(db, laCode);
  const urns = schools.map((s) => s.urn);
  const publications = [...new Set(listFigures.map((f) => f.publication))];
  const rows = (
    await Promise.all(
      publications.map((p) =>
        figureForSchools(
          db,
          p,
          listFigures.filter((f) => f.publication === p).map((f) => f.code),
          urns,
        ),
      ),
    )
  ).flat();
  const columns = listColumns(listFigures, rows);
  const england = await areaFigures(db, [englandCode], publications);
  const gaps = await laGaps(db, laCode);
  const inspections = await latestInspectionsForLa(db, laCode, { gradedOnly: true });
  const listed = listSchools(schools, columns, rows, england, inspections);
  return {
    gaps,
    laCode,
    columns,
    total: schools.length,
    schools: filterSchools(listed, columns, filters),
  };
}

/** The LA's gaps from the LA rows the school files carry (RECTYPE 3, "LA"), beside England's. */
async function laGaps(db: Queryable, laCode: number): Promise<GapRow[]> {
  const publications = [...new Set(gapDefinitions.map((d) => d.publication))];
  const rows = await areaFigures(db, [laCode, englandCode], publications);
  const compare = new ComparisonFigures(rows);
  const years = (publication: string) => {
    const seen = new Map<string, number>();
    for (const r of rows)
      if (r.areaCode === laCode && r.publication === publication)
        seen.set(r.yearLabel, r.yearNumber);
    return [...seen]
      .map(([label, number]) => ({ label, number }))
      .sort((a, b) => a.number - b.number);
  };
  const own = (p: string, c: string, y: string) => {
    const r = compare.la(laCode, null, p, c, y);
    return r ? { value: r.value, marker: r.marker } : null;
  };
  return gapRows(own, years, compare, null);
}
