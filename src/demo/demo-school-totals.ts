/**
 * The LA and England rows of the SYNTHETIC demo school figures, made from the demo schools by the
 * rules the performance-table importer checks real totals by (sources/performance-tables/
 * reconcile.ts): counts are the schools' sum, percentages and averages their mean weighted by the
 * pupils behind each figure, over the schools whose figure is not suppressed, rounded as the
 * schools' figures are. No school with the figure: the total is suppressed too. Row kinds are the
 * real files': KS2 and KS4 give 'la' and 'england-state-funded'; the census and absence files one
 * row per phase ('la-pri', 'england-sec' ...). Confidence limits are given for schools only.
 */
import { englandCode } from '../measures/areas.js';
import type { FiguresOf, StoredFigure } from '../schools/observations.repository.js';
import {
  figure,
  suppressed,
  type DemoSchool,
  type SchoolYearFigures,
} from './demo-school-model.js';
import {
  demoSchoolColumns,
  type DemoSchoolColumn,
  type DemoSchoolPublication,
} from './demo-school-measures.js';

export type AreaKey = { areaCode: number; rowKind: string };

/** A school's figures with the pupils its figures are out of (its cohort, or its roll). */
export interface Totalled {
  school: DemoSchool;
  row: SchoolYearFigures;
  pupils: number;
}

const phaseRows: Partial<Record<DemoSchoolPublication, boolean>> = { census: true, absence: true };
const phaseSuffix = { Primary: '-pri', Secondary: '-sec' } as const;

function groupKeys(publication: DemoSchoolPublication, s: DemoSchool): string[] {
  const suffix = phaseRows[publication] ? phaseSuffix[s.phase] : '';
  const england = phaseRows[publication] ? `england${suffix}` : 'england-state-funded';
  return [`${s.laCode}|la${suffix}`, `${englandCode}|${england}`];
}

interface Sum {
  sum: number;
  weights: number;
}

/** Adds one school's figures to its LA's and England's sums (suppressed figures count for nothing). */
function add(sums: Map<string, Sum>, r: Totalled, rules: ReadonlyMap<string, DemoSchoolColumn>) {
  for (const f of r.row.figures) {
    const rule = rules.get(f.code);
    if (!rule || rule.total === 'none') continue;
    let a = sums.get(f.code);
    if (!a) sums.set(f.code, (a = { sum: 0, weights: 0 }));
    if (f.value === null) continue;
    const w = rule.total === 'sum' ? 1 : (r.row.weights?.[f.code] ?? r.pupils);
    if (w <= 0) continue;
    a.sum += f.value * w;
    a.weights += w;
  }
}

function totalOf(c: DemoSchoolColumn, a: Sum): StoredFigure {
  if (c.total === 'sum') return figure(c.code, a.sum, c.decimals);
  return a.weights === 0 ? suppressed(c.code) : figure(c.code, a.sum / a.weights, c.decimals);
}

/** The LA rows of every LA with demo schools, and England's, for one publication and year. */
export function areaTotals(
  publication: DemoSchoolPublication,
  rows: Totalled[],
): FiguresOf<AreaKey>[] {
  const columns = demoSchoolColumns[publication];
  const rules = new Map(columns.map((c) => [c.code, c]));
  const groups = new Map<string, Map<string, Sum>>();
  for (const r of rows)
    for (const key of groupKeys(publication, r.school)) {
      let sums = groups.get(key);
      if (!sums) groups.set(key, (sums = new Map()));
      add(sums, r, rules);
    }
  return [...groups].map(([key, sums]) => {
    const [area, rowKind] = key.split('|') as [string, string];
    return {
      key: { areaCode: Number(area), rowKind },
      figures: columns.flatMap((c) => {
        const a = sums.get(c.code);
        return a ? [totalOf(c, a)] : [];
      }),
    };
  });
}
