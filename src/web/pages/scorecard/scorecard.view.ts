/**
 * The LA scorecard as DataTables, one per topic: what the page shows is what the CSV and XLSX
 * give (downloads carry unrounded numbers). Every number is formatted by core/format.ts.
 */
import type { Scorecard, ScorecardEntry } from '../../../benchmarks/benchmark.js';
import type { EntryHistory, ScorecardHistory } from '../../../benchmarks/scorecard-history.js';
import { sparklinePath } from '../../charts/index.js';
import { laMeasureHref } from '../../urls.js';
import {
  bandCell,
  changeCell,
  linkCell,
  movedBandCell,
  rankCell,
  snAverageCell,
  valueCell,
} from '../../tables/cells.js';
import type { DataCell, DataColumn, DataTable } from '../../tables/data-table.js';

/**
 * The scorecard's columns. Its page table is compact (components/compact-table), so lantern.css
 * right-aligns the numeric ones by position (`.lantern-scorecard td:nth-child(n)`): keep the two
 * in step (test/web/scorecard-compact.test.ts checks them).
 */
export const scorecardColumns: DataColumn[] = [
  { header: 'Measure' },
  { header: 'Year' },
  // public/sparklines.mjs draws each row's trend in this column.
  { header: 'Value', numeric: true, classes: 'lantern-scorecard__value' },
  { header: 'Change from previous year', numeric: true },
  { header: 'Rank (1 = best)', numeric: true },
  { header: 'Quartile band' },
  { header: 'Band last year' },
  { header: 'Statistical neighbours average (number with a value)', numeric: true },
  { header: 'Region', numeric: true },
  { header: 'England', numeric: true },
];

/** The page shows the scorecard in compact tables (components/compact-table). */
const compact = { compact: true };

function row(laCode: number, entry: ScorecardEntry, history: EntryHistory | undefined): DataCell[] {
  const b = entry.benchmark;
  const m = entry.measure;
  const dp = m.decimalPlaces;
  return [
    linkCell(m.name, laMeasureHref(laCode, m.code)),
    { raw: entry.yearLabel },
    valueCell(b.value, dp, b.suppression),
    changeCell(b, dp, compact),
    rankCell(b, m),
    bandCell(b, m, compact),
    movedBandCell(history),
    snAverageCell(b, dp),
    valueCell(b.regionValue, dp),
    valueCell(b.englandValue, dp),
  ];
}

export function topicId(topic: string): string {
  return `topic-${topic
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

export interface ScorecardTables {
  /** One table per topic shown. */
  topics: DataTable[];
  /** Every topic shown in one table, each row with its own topic and measure code. */
  whole: DataTable;
}

/** The scorecard's tables, every topic or only `topic`; each row is built once, from its entry. */
export function scorecardTables(
  scorecard: Scorecard,
  history: ScorecardHistory,
  topic?: string,
): ScorecardTables {
  const notes = [
    `${scorecard.laName} (LA ${scorecard.laCode}): latest year of each measure. Numbers unrounded.`,
    `Statistical neighbours: ${scorecard.neighbourSetVersion ?? 'none'} set.`,
    'How this is calculated: /methods',
  ];
  const shown = scorecard.topics
    .filter((t) => topic === undefined || t.topic === topic)
    .map((t) => ({
      topic: t.topic,
      rows: t.entries.map((e) => ({
        code: e.measure.code,
        cells: row(scorecard.laCode, e, history.get(e.measure.code)),
      })),
    }));
  return {
    topics: shown.map((t) => ({
      id: topicId(t.topic),
      caption: t.topic,
      columns: scorecardColumns,
      rows: t.rows.map((r) => r.cells),
      fileName: `lantern-scorecard-${scorecard.laCode}-${topicId(t.topic).slice(6)}`,
      notes,
    })),
    whole: {
      id: 'all',
      caption: `${scorecard.laName} scorecard, all topics shown`,
      columns: [{ header: 'Topic' }, { header: 'Measure code' }, ...scorecardColumns],
      rows: shown.flatMap((t) =>
        t.rows.map((r) => [{ raw: t.topic }, { raw: r.code }, ...r.cells]),
      ),
      fileName: `lantern-scorecard-${scorecard.laCode}`,
      notes,
    },
  };
}

/** The LA's region as the service reports it (the first entry that has one). */
export function scorecardRegion(scorecard: Scorecard): string | null {
  for (const t of scorecard.topics)
    for (const e of t.entries) if (e.benchmark.regionName) return e.benchmark.regionName;
  return null;
}

/**
 * Each measure's sparkline path for the LA, keyed by its row's link (the LA-measure page), so
 * public/sparklines.mjs finds a row's line by the row itself, never by position.
 */
export function scorecardSparklines(
  scorecard: Scorecard,
  history: ScorecardHistory,
): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const t of scorecard.topics)
    for (const e of t.entries) {
      const d = sparklinePath(history.get(e.measure.code)?.points ?? []);
      if (d) paths[laMeasureHref(scorecard.laCode, e.measure.code)] = d;
    }
  return paths;
}
