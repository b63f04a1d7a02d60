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
  const inspections = await latestInspectionsForLa(db, laCode, { gradedOnly: true });
  const listed = listSchools(schools, columns, rows, england, inspections);
  return {
    laCode,
    columns,
    total: schools.length,
    schools: filterSchools(listed, columns, filters),
  };
}
