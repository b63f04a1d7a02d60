/**
 * "Build your own" comparisons: the chosen LAs (one by one, by region, by statistical
 * neighbours, or a named set) × measures × years, with the published values. Values are the
 * observations as published (no ranks or averages: the other pages give those).
 */
import { compareLabels } from '../../benchmarks/engine.js';
import type { Queryable } from '../../core/db.js';
import type { Area } from '../../measures/areas.js';
import { englandCode } from '../../measures/areas.js';
import { listAreas } from '../../measures/areas.repository.js';
import { findLocalAuthority } from '../../measures/area-lookup.js';
import type { Measure } from '../../measures/measure.js';
import { listMeasures } from '../../measures/measures.repository.js';
import {
  latestNeighbourSetVersion,
  loadNeighbourSet,
  type NeighbourSet,
} from '../../measures/neighbours.repository.js';
import { listObservations } from '../../measures/observations.repository.js';
import type { DataVersionCache } from '../services/data-version-cache.js';
import {
  compareQueryString,
  maxLas,
  maxMeasures,
  setLasCodes,
  yearProblems,
  type CompareQuery,
  type Problem,
} from '../pages/compare/selection.js';

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

interface MeasureData {
  /** Year labels with at least one row, oldest first, with their year numbers. */
  years: { label: string; number: number }[];
  /** LAIT's latest year: the character maximum of the labels of the LA rows. */
  latestLabel: string | null;
  /** area code → year label → value */
  values: Map<number, Map<string, ComparisonValue>>;
}

export function createCompareService(db: Queryable, cache: DataVersionCache) {
  const areas = () => cache.get('compare:areas', () => listAreas(db));
  const measures = () =>
    cache.get(
      'compare:measures',
      async () => new Map((await listMeasures(db)).map((m) => [m.code, m])),
    );
  const neighbourSet = () =>
    cache.get('compare:neighbour-set', async () => {
      const version = await latestNeighbourSetVersion(db);
      return version === undefined ? undefined : loadNeighbourSet(db, version);
    });
  const measureData = (code: string) =>
    cache.get(`compare:data:${code}`, () => readMeasureData(db, code));

  async function run(q: CompareQuery): Promise<ComparisonResult> {
    const [allAreas, byCode, set] = [await areas(), await measures(), await neighbourSet()];
    const problems: Problem[] = [...yearProblems(q.year)];
    const { las, regions } = resolveLas(q, allAreas, set, problems);
    const chosenMeasures: Measure[] = [];
    for (const code of q.measure) {
      const m = byCode.get(code);
      if (m) chosenMeasures.push(m);
      else
        problems.push({
          field: 'measure',
          message: `No measure has the code "${code}" (codes are case-sensitive): search for it by name instead.`,
        });
    }
    if (las.length === 0 && !problems.some((p) => p.field !== 'measure' && p.field !== 'year'))
      problems.push({ field: 'la', message: 'Choose at least one local authority or group.' });
    if (las.length > maxLas)
      problems.push({
        field: 'la',
        message: `Choose at most ${maxLas} local authorities: these choices add up to ${las.length}.`,
      });
    if (q.measure.length === 0)
      problems.push({ field: 'measure', message: 'Choose at least one measure.' });
    if (q.measure.length > maxMeasures)
      problems.push({
        field: 'measure',
        message: `Choose at most ${maxMeasures} measures: ${q.measure.length} are chosen.`,
      });
    if (problems.length) return { ok: false, problems };

    const years: Comparison['years'] =
      q.year.length === 0 ? 'all' : q.year[0] === 'latest' ? 'latest' : q.year.map(Number);
    const data = await Promise.all(chosenMeasures.map((m) => measureData(m.code)));
    if (Array.isArray(years)) {
      for (const y of years) {
        if (!data.some((d) => d.years.some((x) => x.number === y)))
          problems.push({
            field: 'year',
            message: `None of the chosen measures has data for ${y}.`,
          });
      }
      if (problems.length) return { ok: false, problems };
    }
    const rowsFor = (d: MeasureData, labels: string[]): ComparisonRow[] => {
      const row = (kind: ComparisonRow['kind'], code: number, name: string): ComparisonRow => ({
        kind,
        code,
        name,
        values: labels.map(
          (l) => d.values.get(code)?.get(l) ?? { yearLabel: l, value: null, suppression: null },
        ),
      });
      return [
        ...las.map((la) => row('la', la.code, la.name)),
        ...regions.map((r) => row('region', r.code, r.name)),
        ...(q.england ? [row('england', englandCode, 'England')] : []),
      ];
    };
    return {
      ok: true,
      comparison: {
        las,
        regions,
        setName: q.setName || null,
        neighbourSetVersion: set?.version ?? null,
        years,
        england: q.england,
        measures: chosenMeasures.map((measure, i) => {
          const d = data[i]!;
          const labels =
            years === 'all'
              ? d.years.map((y) => y.label)
              : years === 'latest'
                ? d.latestLabel === null
                  ? []
                  : [d.latestLabel]
                : d.years.filter((y) => years.includes(y.number)).map((y) => y.label);
          return { measure, yearLabels: labels, rows: rowsFor(d, labels) };
        }),
      },
    };
  }

  return {
    /** Computed once per selection and data version. Never mutate the result. */
    compare: (q: CompareQuery) => cache.get(`compare:${compareQueryString(q)}`, () => run(q)),
    areas,
    neighbourSet,
  };
}

export type CompareService = ReturnType<typeof createCompareService>;

function resolveLas(
  q: CompareQuery,
  areas: Area[],
  set: NeighbourSet | undefined,
  problems: Problem[],
): { las: ChosenLa[]; regions: { code: number; name: string }[] } {
  const las: ChosenLa[] = [];
  const regions: { code: number; name: string }[] = [];
  const add = (a: Area, via: string) => {
    if (!las.some((x) => x.code === a.code)) las.push({ code: a.code, name: a.name, via });
  };
  const byCode = new Map(areas.map((a) => [a.code, a]));
  for (const text of q.la) {
    const a = findLocalAuthority(areas, text);
    if (a) add(a, 'chosen');
    else problems.push({ field: 'la', message: `No local authority has the code "${text}".` });
  }
  for (const g of q.group) {
    const [kind, codeText = ''] = g.split(':');
    const code = /^\d{3}$/.test(codeText) ? Number(codeText) : NaN;
    const area = byCode.get(code);
    if (kind === 'region' && area?.kind === 'region') {
      regions.push({ code: area.code, name: area.name });
      const members = areas
        .filter(
          (a) =>
            a.kind === 'la' &&
            a.status === 'current' &&
            (a.regionCode === code ||
              (a.regionCode !== null && byCode.get(a.regionCode)?.parentCode === code) ||
              set?.regions.get(a.code) === code),
        )
        .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
      for (const a of members) add(a, area.name);
    } else if (kind === 'sn' && area?.kind === 'la') {
      const neighbours = set?.neighbours.get(code);
      if (!neighbours) {
        problems.push({
          field: 'group',
          message: `No statistical neighbours are loaded for ${area.name} (${code}).`,
        });
        continue;
      }
      const via = `${area.name}'s statistical neighbours`;
      add(area, via);
      for (const n of neighbours) {
        const a = byCode.get(n.code);
        if (a) add(a, via);
      }
    } else {
      problems.push({
        field: 'group',
        message:
          kind === 'region' || kind === 'sn'
            ? `"${g}": ${kind === 'region' ? 'no region' : 'no local authority'} has the code "${codeText}".`
            : `"${g}" is not a group: use region:<code> (region:990) or sn:<LA code> (sn:933).`,
      });
    }
  }
  if (q.setLas) {
    const via = q.setName || 'Saved set';
    for (const text of setLasCodes(q.setLas)) {
      const a = findLocalAuthority(areas, text);
      if (a) add(a, via);
      else
        problems.push({
          field: 'setlas',
          message: `The set's "${text}" is not a local authority code (use 3-digit codes such as 933).`,
        });
    }
  } else if (q.setName) {
    problems.push({
      field: 'setlas',
      message: 'Enter the LA codes of the set, or clear its name.',
    });
  }
  return { las, regions };
}

async function readMeasureData(db: Queryable, code: string): Promise<MeasureData> {
  const rows = await listObservations(db, [code]);
  const years = new Map<string, number>();
  const laLabels = new Set<string>();
  const values = new Map<number, Map<string, ComparisonValue>>();
  const laCodes = new Set((await listAreas(db)).filter((a) => a.kind === 'la').map((a) => a.code));
  for (const r of rows) {
    years.set(r.yearLabel, r.yearNumber);
    if (laCodes.has(r.areaCode)) laLabels.add(r.yearLabel);
    let byYear = values.get(r.areaCode);
    if (!byYear) values.set(r.areaCode, (byYear = new Map()));
    byYear.set(r.yearLabel, { yearLabel: r.yearLabel, value: r.value, suppression: r.suppression });
  }
  const sorted = [...years]
    .map(([label, number]) => ({ label, number }))
    .sort((a, b) => a.number - b.number || compareLabels(a.label, b.label));
  const latest = [...laLabels].sort(compareLabels).at(-1) ?? null;
  return { years: sorted, latestLabel: latest, values };
}
