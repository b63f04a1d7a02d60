import type { ObservationRow } from '../../measures/observations.repository.js';
import type { ProblemCollector } from '../shared/problems.js';
import type { CsvTable as EesTable } from '../shared/csv-table.js';
import { invisibleNote, matchesExactly, nearMisses, skipReason } from './filters.js';
import { resolveArea, type AreaIndex } from './geography.js';
import type { EesMapping, MappingEntry } from './mapping.js';
import { parseCell } from './markers.js';
import { yearLabel } from './years.js';

export interface Extraction {
  observations: ObservationRow[];
  rowsUsed: number;
  rowsExcluded: number;
  /** Rows at a level that is not National, Regional or Local authority, by level. */
  rowsIgnoredByLevel: Record<string, number>;
  /** Rows at a known level that no entry's filters matched. */
  rowsUnmatched: number;
  /** The same rows by the filter value that kept them out ("sex=Boys"). */
  rowsSkippedByFilter: Record<string, number>;
}

/** Rows refused for one reason (a look-alike geographic level, a near-miss filter value), reported once. */
interface Unclear {
  column: string;
  value: string;
  expected: string;
  rows: number[];
  count: number;
}

/** One extraction under way: what it has produced and what it has seen so far. */
interface Extracting {
  table: EesTable;
  mapping: EesMapping;
  problems: ProblemCollector;
  out: Extraction;
  /** measure|area|year → index in table.rows */
  seen: Map<string, number>;
  matchCounts: Map<MappingEntry, number>;
  /** Look-alike levels and near-miss filter values, by column and value. */
  unclear: Map<string, Unclear>;
  /** Entries some row nearly matched: not reported again as matching no row. */
  nearlyMatched: Set<MappingEntry>;
}

/** A row that gives observations: its area, its year and the entries whose filters it matches. */
interface UsableRow {
  areaCode: number;
  year: { label: string; number: number };
  entries: MappingEntry[];
}

/** Turns an EES table into observations, adding every problem found to `problems`. Pure. */
export function extractObservations(
  table: EesTable,
  mapping: EesMapping,
  areas: AreaIndex,
  problems: ProblemCollector,
  onRow: (done: number) => void = () => {},
): Extraction {
  const x: Extracting = {
    table,
    mapping,
    problems,
    out: {
      observations: [],
      rowsUsed: 0,
      rowsExcluded: 0,
      rowsIgnoredByLevel: {},
      rowsUnmatched: 0,
      rowsSkippedByFilter: {},
    },
    seen: new Map(),
    matchCounts: new Map(),
    unclear: new Map(),
    nearlyMatched: new Set(),
  };
  for (let i = 0; i < table.rows.length && !problems.full; i++) {
    if (i % 1000 === 0) onRow(i);
    const usable = usableRow(x, i, areas);
    if (usable) addObservations(x, i, usable);
  }
  reportUnclear(x);
  if (!problems.full) reportUnmatchedEntries(x);
  return x.out;
}

/** Counts a row the mapping does not want, by the filter value that kept it out. */
function skip(x: Extracting, row: Record<string, string>): void {
  const reason = skipReason(row, x.mapping.entries);
  x.out.rowsUnmatched++;
  x.out.rowsSkippedByFilter[reason] = (x.out.rowsSkippedByFilter[reason] ?? 0) + 1;
}

function addUnclear(x: Extracting, rowNumber: number, u: Omit<Unclear, 'rows' | 'count'>): void {
  const key = `${u.column}\u0000${u.value}`;
  const seen = x.unclear.get(key) ?? { ...u, rows: [], count: 0 };
  if (seen.rows.length < 5) seen.rows.push(rowNumber);
  seen.count++;
  x.unclear.set(key, seen);
}

/** One problem per look-alike value, at its first row, saying how many rows hold it. */
function reportUnclear(x: Extracting): void {
  for (const u of x.unclear.values()) {
    const rows = `${u.rows.join(', ')}${u.count > u.rows.length ? ', ...' : ''}`;
    x.problems.add({
      row: u.rows[0],
      column: u.column,
      value: u.value,
      expected: `${u.expected}; ${u.count} row${u.count === 1 ? '' : 's'} hold${u.count === 1 ? 's' : ''} this value (row${u.count === 1 ? '' : 's'} ${rows})`,
    });
  }
}

/** No entry matches the row exactly: a near miss is refused, anything else skipped and counted. */
function unmatchedRow(x: Extracting, row: Record<string, string>, rowNumber: number): void {
  for (const entry of x.mapping.entries) {
    const misses = nearMisses(row, entry.filters);
    if (misses.length === 0) continue;
    x.nearlyMatched.add(entry);
    for (const m of misses)
      addUnclear(x, rowNumber, {
        column: m.column,
        value: m.value,
        expected: `"${m.wanted}", exactly as entry ${entry.number} (${entry.indicator}) of the mapping asks ("${m.value}" differs from it only in case, spaces, dashes or invisible characters${invisibleNote(m.value, m.wanted)}, so it would not be read: correct the file or the mapping)`,
      });
    return;
  }
  skip(x, row);
}

/** The row's area, year and entries; undefined, counted or reported, when it gives nothing. */
function usableRow(x: Extracting, i: number, areas: AreaIndex): UsableRow | undefined {
  const { mapping, problems, out } = x;
  const row = x.table.rows[i]!;
  const rowNumber = i + 2;
  if (mapping.exclude.some((e) => matchesExactly(row, e))) {
    out.rowsExcluded++;
    return undefined;
  }
  const area = resolveArea(row, areas);
  if (area.kind === 'ignored') {
    out.rowsIgnoredByLevel[area.level] = (out.rowsIgnoredByLevel[area.level] ?? 0) + 1;
    return undefined;
  }
  if (area.kind === 'unclear') {
    addUnclear(x, rowNumber, {
      column: 'geographic_level',
      value: area.level,
      expected: area.expected,
    });
    return undefined;
  }
  const entries = mapping.entries.filter((e) => matchesExactly(row, e.filters));
  if (entries.length === 0) {
    unmatchedRow(x, row, rowNumber);
    return undefined;
  }
  if (area.kind === 'problem') {
    problems.add({
      row: rowNumber,
      column: area.column,
      value: area.value,
      expected: area.expected,
    });
    return undefined;
  }
  const year = yearLabel(row.time_period ?? '', mapping.yearStyle);
  if ('error' in year) {
    problems.add({
      row: rowNumber,
      column: 'time_period',
      value: row.time_period ?? '',
      expected: year.error,
    });
    return undefined;
  }
  out.rowsUsed++;
  return { areaCode: area.code, year, entries };
}

/** One observation per matching entry, or a problem: two entries for one measure, a bad cell, a duplicate. */
function addObservations(x: Extracting, i: number, { areaCode, year, entries }: UsableRow): void {
  const row = x.table.rows[i]!;
  const problem = (entry: MappingEntry, expected: string) =>
    x.problems.add({
      row: i + 2,
      column: entry.indicator,
      value: row[entry.indicator] ?? '',
      expected,
    });
  const byMeasure = new Map<string, MappingEntry>();
  for (const entry of entries) {
    x.matchCounts.set(entry, (x.matchCounts.get(entry) ?? 0) + 1);
    const other = byMeasure.get(entry.measureCode);
    if (other) {
      problem(
        entry,
        `at most one entry per measure to match a row, but entries ${other.number} and ${entry.number} both give measure "${entry.measureCode}" (make their filters differ)`,
      );
      continue;
    }
    byMeasure.set(entry.measureCode, entry);
    const cell = parseCell(row[entry.indicator]);
    if ('error' in cell) {
      problem(entry, cell.error);
      continue;
    }
    const key = `${entry.measureCode}|${areaCode}|${year.label}`;
    const first = x.seen.get(key);
    if (first !== undefined) {
      problem(entry, duplicateExpectation(x.table, first, i, entry, year.label));
      continue;
    }
    x.seen.set(key, i);
    x.out.observations.push({
      measureCode: entry.measureCode,
      areaCode,
      yearLabel: year.label,
      yearNumber: year.number,
      ...cell,
    });
  }
}

function duplicateExpectation(
  table: EesTable,
  first: number,
  second: number,
  entry: MappingEntry,
  year: string,
): string {
  const a = table.rows[first]!;
  const b = table.rows[second]!;
  const differ = table.columns.filter(
    (c) => c !== entry.indicator && (a[c] ?? '') !== (b[c] ?? '') && !/^(.*_code|.*_name)$/.test(c),
  );
  const hint =
    differ.length > 0
      ? `; the rows differ in ${differ.slice(0, 5).join(', ')}: add a filter on one of them`
      : '';
  return `one row per measure, area and year, but row ${first + 2} already gave measure "${entry.measureCode}" for this area in ${year}${hint}`;
}

/** An entry that matched no row is almost always a misspelt filter value: say which values exist. */
function reportUnmatchedEntries({
  table,
  mapping,
  matchCounts,
  nearlyMatched,
  problems,
}: Extracting): void {
  for (const entry of mapping.entries) {
    if ((matchCounts.get(entry) ?? 0) > 0 || nearlyMatched.has(entry)) continue;
    const culprit = Object.entries(entry.filters).find(
      ([column, value]) => !table.rows.some((r) => (r[column] ?? '').trim() === value),
    );
    if (culprit) {
      const [column, value] = culprit;
      const seen = [...new Set(table.rows.map((r) => (r[column] ?? '').trim()))].slice(0, 12);
      problems.add({
        row: 1,
        column,
        value,
        expected: `a value found in the column for entry ${entry.number} (${entry.indicator}) of the mapping: ${seen.map((v) => `"${v}"`).join(', ')}`,
      });
    } else {
      problems.add({
        column: entry.indicator,
        expected: `entry ${entry.number} (${entry.indicator}) of the mapping to match at least one National, Regional or Local authority row (its filters together match none)`,
      });
    }
  }
}
