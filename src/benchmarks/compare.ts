/**
 * "Build your own" comparisons, pure: what a comparison asks for, the limits and checks on it,
 * and the tables it gives back (compare-las.ts: which LAs it takes in). The web app reads a
 * query from the page's URL (src/web/compare/selection.ts); compare.service.ts runs it.
 */
import { englandCode } from '../measures/areas.js';
import type { Measure } from '../measures/measure.js';

/** Most LAs in one comparison: any one region fits (London has 33 boroughs); more is unreadable. */
export const maxLas = 35;
export const maxMeasures = 10;
/** Most years (LAIT holds 2013–2025: 13). */
export const maxYears = 15;

export interface CompareQuery {
  la: string[];
  group: string[];
  setName: string;
  setLas: string;
  measure: string[];
  /** Year numbers as text ("2024") or ["latest"]; empty: every year. */
  year: string[];
  england: boolean;
  /** The measure picker's search words: they change the choices shown, never the comparison. */
  mq: string;
}

export interface Problem {
  /** The form field the problem is about (the error summary links to it). */
  field: 'la' | 'group' | 'setlas' | 'setname' | 'measure' | 'year';
  message: string;
}

export interface ChosenLa {
  code: number;
  name: string;
  /** How it came into the comparison: "chosen", "South West", "Somerset's statistical neighbours", the set's name. */
  via: string;
}

export interface ComparisonValue {
  yearLabel: string;
  value: number | null;
  suppression: string | null;
}

export interface ComparisonRow {
  kind: 'la' | 'region' | 'england';
  code: number;
  name: string;
  /** One per year label of the measure's table, in the same order. */
  values: ComparisonValue[];
}

export interface MeasureComparison {
  measure: Measure;
  /** Oldest first. */
  yearLabels: string[];
  rows: ComparisonRow[];
}

export interface Comparison {
  las: ChosenLa[];
  /** Regions chosen as groups: their published figures are shown too. */
  regions: { code: number; name: string }[];
  setName: string | null;
  neighbourSetVersion: string | null;
  years: 'all' | 'latest' | number[];
  england: boolean;
  measures: MeasureComparison[];
}

export type ComparisonResult =
  { ok: true; comparison: Comparison } | { ok: false; problems: Problem[] };

/** The LA codes typed into the saved set's box: "933, 343 E06000066" → ["933", "343", "E06000066"]. */
export function setLasCodes(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
}

/** Checks the year parameters on their own: "latest" alone, or 4-digit years. */
export function yearProblems(years: string[]): Problem[] {
  if (years.includes('latest')) {
    return years.length > 1
      ? [{ field: 'year', message: 'Choose "latest" or particular years, not both.' }]
      : [];
  }
  const bad = years.filter((y) => !/^\d{4}$/.test(y));
  const problems: Problem[] = bad.map((y) => ({
    field: 'year',
    message: `"${y}" is not a year: give a 4-digit year such as 2024, or "latest".`,
  }));
  if (years.length > maxYears)
    problems.push({ field: 'year', message: `Choose at most ${maxYears} years.` });
  return problems;
}

/** The years a (valid) query asks for. */
export function chosenYears(q: CompareQuery): Comparison['years'] {
  return q.year.length === 0 ? 'all' : q.year[0] === 'latest' ? 'latest' : q.year.map(Number);
}

/** The measures asked for, in the order asked; a problem for each unknown code. */
export function chooseMeasures(
  codes: string[],
  byCode: ReadonlyMap<string, Measure>,
  problems: Problem[],
): Measure[] {
  const chosen: Measure[] = [];
  for (const code of codes) {
    const m = byCode.get(code);
    if (m) chosen.push(m);
    else
      problems.push({
        field: 'measure',
        message: `No measure has the code "${code}" (codes are case-sensitive): search for it by name instead.`,
      });
  }
  return chosen;
}

/** Too few or too many LAs or measures. `earlier`: the problems found so far. */
export function sizeProblems(q: CompareQuery, laCount: number, earlier: Problem[]): Problem[] {
  const problems: Problem[] = [];
  if (laCount === 0 && !earlier.some((p) => p.field !== 'measure' && p.field !== 'year'))
    problems.push({ field: 'la', message: 'Choose at least one local authority or group.' });
  if (laCount > maxLas)
    problems.push({
      field: 'la',
      message: `Choose at most ${maxLas} local authorities: these choices add up to ${laCount}.`,
    });
  if (q.measure.length === 0)
    problems.push({ field: 'measure', message: 'Choose at least one measure.' });
  if (q.measure.length > maxMeasures)
    problems.push({
      field: 'measure',
      message: `Choose at most ${maxMeasures} measures: ${q.measure.length} are chosen.`,
    });
  return problems;
}

/** One measure's published values: the years with any row, oldest first; area → year label → value. */
export interface MeasureValues {
  years: { label: string; number: number }[];
  values: Map<number, Map<string, ComparisonValue>>;
}

/** A problem for each year asked for that none of the chosen measures has. */
export function missingYearProblems(years: Comparison['years'], data: MeasureValues[]): Problem[] {
  if (!Array.isArray(years)) return [];
  return years
    .filter((y) => !data.some((d) => d.years.some((x) => x.number === y)))
    .map((y) => ({ field: 'year', message: `None of the chosen measures has data for ${y}.` }));
}

/**
 * One measure's table for the years asked: the chosen LAs, the region groups, then England.
 * `latestLabel`: the measure's latest year as the benchmarks define it (none: no latest column).
 */
export function measureComparison(
  measure: Measure,
  d: MeasureValues,
  years: Comparison['years'],
  latestLabel: string | undefined,
  chosen: { las: ChosenLa[]; regions: { code: number; name: string }[]; england: boolean },
): MeasureComparison {
  const labels =
    years === 'all'
      ? d.years.map((y) => y.label)
      : years === 'latest'
        ? latestLabel === undefined
          ? []
          : [latestLabel]
        : d.years.filter((y) => years.includes(y.number)).map((y) => y.label);
  const row = (kind: ComparisonRow['kind'], code: number, name: string): ComparisonRow => ({
    kind,
    code,
    name,
    values: labels.map(
      (l) => d.values.get(code)?.get(l) ?? { yearLabel: l, value: null, suppression: null },
    ),
  });
  const rows = [
    ...chosen.las.map((la) => row('la', la.code, la.name)),
    ...chosen.regions.map((r) => row('region', r.code, r.name)),
    ...(chosen.england ? [row('england', englandCode, 'England')] : []),
  ];
  return { measure, yearLabels: labels, rows };
}
