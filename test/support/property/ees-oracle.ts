import { addObs, hasObs, type AreaRefs, type Obs, type ObsByMeasure } from './areas.js';
import { nearMiss } from './mutations.js';
import {
  newVerdict,
  readCsvFile,
  twoColumnsOfOneName,
  type Place,
  type Verdict,
} from './verdict.js';

/**
 * What an EES tidy CSV says through a mapping, worked out from docs/sources-ees.md (not from the
 * importer): the observations it holds, or the places that stop it being imported.
 */

export interface EesEntryModel {
  indicator: string;
  /** Column → value a row must hold (file-wide filters merged in). */
  filters: Record<string, string>;
  measure: string;
}

const importedLevels = ['National', 'Regional', 'Local authority'] as const;

/** Levels EES publishes that Lantern does not import: rows at them are passed over. */
export const otherEesLevels = [
  'Local authority district',
  'Parliamentary constituency',
  'Local skills improvement plan area',
  'Local enterprise partnership',
  'Mayoral combined authority',
  'English devolved area',
  'Opportunity area',
  'Police force area',
  'Planning area',
  'RSC region',
  'Ward',
  'MAT',
  'Sponsor',
  'School',
  'Provider',
  'Institution',
];

const markers = ['z', 'c', 'x', ':', 'low', 'u'];
const numberText = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** A cell of an indicator: a finite number, a GSS marker, blank, or not a value. */
export function eesValue(raw: string | undefined): Obs | null {
  const t = (raw ?? '').trim();
  if (t === '') return { value: null, suppression: null };
  if (markers.includes(t.toLowerCase())) return { value: null, suppression: t };
  if (!numberText.test(t) || !Number.isFinite(Number(t))) return null;
  return { value: Number(t), suppression: null };
}

/** time_period → year label: 2023 → "2023", 202223 → "2022/23" (docs/sources-ees.md "Years"). */
export function eesYear(raw: string | undefined): string | null {
  const t = (raw ?? '').trim();
  if (/^\d{4}$/.test(t)) return t;
  const m = /^(\d{4})(\d{2})$/.exec(t);
  if (m && (Number(m[1]) + 1) % 100 === Number(m[2])) return `${m[1]}/${m[2]}`;
  return null;
}

interface Reading {
  file: string;
  entries: EesEntryModel[];
  areas: AreaRefs;
  v: Verdict<ObsByMeasure>;
  matched: Set<EesEntryModel>;
  /** Entries matched by a row holding their filter values exactly (not only by near misses). */
  matchedExactly: Set<EesEntryModel>;
}

const cell = (cells: Record<string, string>, c: string) => (cells[c] ?? '').trim();

function matchesExactly(cells: Record<string, string>, e: EesEntryModel): boolean {
  return Object.entries(e.filters).every(([c, value]) => cell(cells, c) === value);
}

/** Every filter holds its value or a near miss of it ("total" for "Total"), and one is a near miss. */
function nearMissColumns(cells: Record<string, string>, e: EesEntryModel): string[] | null {
  const near = Object.entries(e.filters).filter(([c, value]) => nearMiss(cells[c] ?? '', value));
  const rest = Object.entries(e.filters).every(
    ([c, value]) => cell(cells, c) === value || nearMiss(cells[c] ?? '', value),
  );
  return near.length > 0 && rest ? near.map(([c]) => c) : null;
}

function areaOf(
  r: Reading,
  level: string,
  cells: Record<string, string>,
  row: number,
): number | null {
  if (level === 'National') return 970;
  if (level === 'Regional') {
    const code = r.areas.regionByGss.get(cell(cells, 'region_code'));
    if (code === undefined)
      r.v.must.push({ file: r.file, row, columns: ['region_code'], why: 'not a region code' });
    return code ?? null;
  }
  const byOld = r.areas.laByOldCode.get(cell(cells, 'old_la_code'));
  const byNew = r.areas.laByGss.get(cell(cells, 'new_la_code'));
  const columns = ['old_la_code', 'new_la_code'];
  if (byOld !== undefined && byNew !== undefined && byOld !== byNew)
    r.v.may.push({
      file: r.file,
      row,
      columns,
      why: 'old_la_code and new_la_code name different LAs',
    });
  const code = byOld ?? byNew;
  if (code === undefined)
    r.v.must.push({ file: r.file, row, columns, why: 'neither code names an LA' });
  return code ?? null;
}

/** One data row (spreadsheet row `row`): its observations, or the problems that stop the import. */
function readRow(r: Reading, cells: Record<string, string>, row: number): void {
  const exact = r.entries.filter((e) => matchesExactly(cells, e));
  const near = r.entries.flatMap((e) => {
    const columns = exact.includes(e) ? null : nearMissColumns(cells, e);
    return columns ? [{ e, columns }] : [];
  });
  if (exact.length === 0 && near.length === 0) {
    // Not a row the mapping asks for; a level no EES file has may still be refused (the file
    // was changed by hand: src/sources/ees/geography.ts).
    const given = cell(cells, 'geographic_level');
    if (!otherEesLevels.includes(given) && !(importedLevels as readonly string[]).includes(given))
      r.v.may.push({ file: r.file, row, columns: ['geographic_level'], why: 'not an EES level' });
    return;
  }
  for (const n of near)
    r.v.may.push({
      file: r.file,
      row,
      columns: n.columns,
      why: 'a near miss of the mapping filter',
    });
  const given = cell(cells, 'geographic_level');
  if (otherEesLevels.includes(given)) return;
  const level = importedLevels.find((l) => l === given || nearMiss(given, l));
  if (level === undefined) {
    r.v.must.push({
      file: r.file,
      row,
      columns: ['geographic_level'],
      why: 'not a geographic level',
    });
    return;
  }
  if (level !== given)
    r.v.may.push({
      file: r.file,
      row,
      columns: ['geographic_level'],
      why: 'a near miss of a level',
    });
  const area = areaOf(r, level, cells, row);
  const year = eesYear(cells.time_period);
  if (year === null)
    r.v.must.push({ file: r.file, row, columns: ['time_period'], why: 'not a year' });
  if (area === null || year === null) return;
  for (const e of exact) r.matchedExactly.add(e);
  for (const e of [...exact, ...near.map((n) => n.e)]) {
    r.matched.add(e);
    const value = eesValue(cells[e.indicator]);
    const place: Place = { file: r.file, row, columns: [e.indicator], why: 'not a value' };
    if (value === null) r.v.must.push(place);
    else if (hasObs(r.v.expected, e.measure, year, area))
      r.v.must.push({ ...place, why: 'a second row for this measure, area and year' });
    else addObs(r.v.expected, e.measure, year, area, value);
  }
}

/** Header checks: every column the mapping reads, present once. Returns the column names, or null to stop. */
function readHeader(r: Reading, header: string[], levels: Set<string>): string[] | null {
  const names = header.map((h) => h.trim());
  const needed = new Set(['time_period', 'geographic_level']);
  for (const e of r.entries) [e.indicator, ...Object.keys(e.filters)].forEach((c) => needed.add(c));
  if (levels.has('Regional')) needed.add('region_code');
  // Any column given twice is refused (src/sources/shared/columns.ts): the parser keeps one copy.
  for (const c of new Set(names))
    if (c !== '' && names.filter((n) => n === c).length > 1) twoColumnsOfOneName(r.v, r.file, c);
  for (const c of needed)
    if (!names.includes(c))
      r.v.must.push({ file: r.file, columns: [c], why: 'a column the import needs' });
  if (
    levels.has('Local authority') &&
    !names.includes('old_la_code') &&
    !names.includes('new_la_code')
  )
    r.v.must.push({
      file: r.file,
      columns: ['old_la_code', 'new_la_code'],
      why: 'LA rows need a code column',
    });
  return r.v.must.some((p) => p.row === undefined) ? null : names;
}

export function eesVerdict(
  bytes: Buffer,
  file: string,
  entries: EesEntryModel[],
  areas: AreaRefs,
): Verdict<ObsByMeasure> {
  const r: Reading = {
    file,
    entries,
    areas,
    v: newVerdict(new Map()),
    matched: new Set(),
    matchedExactly: new Set(),
  };
  const csv = readCsvFile(bytes, file, r.v);
  if (csv === null) return r.v;
  const { header, records } = csv;
  const levels = new Set(
    records.map((rec) =>
      (rec[header.findIndex((h) => h.trim() === 'geographic_level')] ?? '').trim(),
    ),
  );
  const names = readHeader(r, header, levels);
  if (names === null) {
    // A header lacking columns and no rows: "no data rows" is as true as "no such column".
    if (records.length === 0) r.v.may.push({ file, why: 'the file has a header and no rows' });
    return r.v;
  }
  if (records.length === 0) {
    r.v.must.push({ file, why: 'the file has a header and no rows' });
    return { ...r.v, label: 'empty' };
  }
  records.forEach((rec, i) => {
    if (rec.length === names.length)
      readRow(r, Object.fromEntries(names.map((n, j) => [n, rec[j]!])), i + 2);
  });
  for (const e of entries) {
    const place = {
      file,
      columns: [e.indicator, ...Object.keys(e.filters)],
      why: 'the entry matches no row',
    };
    if (!r.matched.has(e)) r.v.must.push(place);
    else if (!r.matchedExactly.has(e))
      r.v.may.push({ ...place, why: 'only near misses match the entry' });
  }
  return r.v;
}
