/**
 * The LA scorecard as DataTables, one per topic: what the page shows is what the CSV and XLSX
 * give (downloads carry unrounded numbers). Every number is formatted by core/format.ts.
 */
import type {
  LaBenchmark,
  QuartileBand,
  Scorecard,
  ScorecardEntry,
} from '../benchmarks/benchmark.js';
import type { EntryHistory, ScorecardHistory } from '../benchmarks/scorecard-history.js';
import { formatChange, formatNumber, formatRank } from '../core/format.js';
import { sparkline } from './charts/index.js';
import { escapeHtml } from './html.js';
import type { DataCell, DataColumn, DataTable } from './tables/data-table.js';

export const bandWords: Record<QuartileBand, string> = {
  A: 'best 25%',
  B: 'second 25%',
  C: 'third 25%',
  D: 'weakest 25%',
};

const columns: DataColumn[] = [
  { header: 'Measure' },
  { header: 'Year' },
  { header: 'Value', numeric: true },
  { header: 'Change from previous year', numeric: true },
  { header: 'Rank (1 = best)', numeric: true },
  { header: 'Quartile band' },
  { header: 'Band last year' },
  { header: 'Statistical neighbours average (number with a value)', numeric: true },
  { header: 'Region', numeric: true },
  { header: 'England', numeric: true },
];

const directionWords = {
  better: 'better',
  worse: 'worse',
  same: 'no change',
  no_direction: 'no better direction',
} as const;

/**
 * The arrow follows the sign of the unrounded change and the word its direction (methods §8):
 * +0.04 on a 1-dp measure shows "0.0" with an up arrow and "better" (for higher is better).
 */
export function changeCell(b: LaBenchmark, dp: number): DataCell {
  const change = b.changeFromPrevious;
  if (change === null) return { raw: null, text: '–' };
  const [arrow, way] = change > 0 ? ['▲', 'up'] : change < 0 ? ['▼', 'down'] : ['►', 'level'];
  const direction = b.changeDirection ?? 'no_direction';
  const since = b.previousYearLabel ? ` since ${escapeHtml(b.previousYearLabel)}` : '';
  return {
    raw: change,
    html:
      `<span class="lantern-change lantern-change--${direction}">` +
      `<span aria-hidden="true">${arrow}</span><span class="govuk-visually-hidden">${way}</span> ` +
      `${escapeHtml(formatChange(change, dp))}` +
      ` <span class="lantern-change__word">${directionWords[direction]}</span></span>` +
      `<span class="govuk-visually-hidden">${since}</span>`,
  };
}

export function bandHtml(band: QuartileBand): string {
  return `<strong class="lantern-band lantern-band--${band.toLowerCase()}">${band}</strong> <span class="lantern-band__words">${bandWords[band]}</span>`;
}

function bandCell(entry: ScorecardEntry): DataCell {
  const band = entry.benchmark.quartileBand;
  if (band !== null) return { raw: band, html: bandHtml(band) };
  const notApplicable = entry.measure.polarity === null || entry.measure.noQuartile;
  return { raw: null, text: notApplicable ? 'n/a' : '–' };
}

function movedCell(history: EntryHistory | undefined): DataCell {
  if (!history?.previousBand) return { raw: null, text: '–' };
  if (!history.moved) return { raw: history.previousBand, text: `${history.previousBand} (same)` };
  const words = history.moved === 'better' ? 'moved up' : 'moved down';
  return {
    raw: history.previousBand,
    html: `<strong class="govuk-tag govuk-tag--${history.moved === 'better' ? 'green' : 'red'} lantern-moved">${words}</strong> from ${history.previousBand}`,
  };
}

function valueCell(b: LaBenchmark, dp: number, history: EntryHistory | undefined): DataCell {
  const text = escapeHtml(formatNumber(b.value, dp, { suppression: b.suppression }));
  const spark =
    history && history.points.filter((p) => p.value !== null).length > 1
      ? `<span class="lantern-sparkline">${sparkline(history.points).svg}</span>`
      : '';
  return { raw: b.value, html: `${text}${spark}` };
}

function row(laCode: number, entry: ScorecardEntry, history: EntryHistory | undefined): DataCell[] {
  const b = entry.benchmark;
  const dp = entry.measure.decimalPlaces;
  const num = (v: number | null): DataCell => ({ raw: v, text: formatNumber(v, dp) });
  const href = `/la/${laCode}/measure/${encodeURIComponent(entry.measure.code)}`;
  return [
    {
      raw: entry.measure.name,
      html: `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(entry.measure.name)}</a>`,
    },
    { raw: entry.yearLabel },
    valueCell(b, dp, history),
    changeCell(b, dp),
    { raw: b.rank, text: formatRank(b.rank, b.rankOf), classes: 'lantern-nowrap' },
    bandCell(entry),
    movedCell(history),
    {
      raw: b.statisticalNeighboursAverage,
      text:
        b.statisticalNeighboursAverage === null
          ? '–'
          : `${formatNumber(b.statisticalNeighboursAverage, dp)} (${b.statisticalNeighboursWithValue})`,
    },
    num(b.regionValue),
    num(b.englandValue),
  ].map((cell, i) =>
    history?.moved && i === 6 ? { ...cell, classes: 'lantern-moved-cell' } : cell,
  );
}

export function topicId(topic: string): string {
  return `topic-${topic
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

/** One DataTable per topic (only `topic` when given). */
export function scorecardTables(
  scorecard: Scorecard,
  history: ScorecardHistory,
  topic?: string,
): DataTable[] {
  return scorecard.topics
    .filter((t) => topic === undefined || t.topic === topic)
    .map((t) => ({
      id: topicId(t.topic),
      caption: t.topic,
      columns,
      rows: t.entries.map((e) => row(scorecard.laCode, e, history.get(e.measure.code))),
      fileName: `lantern-scorecard-${scorecard.laCode}-${topicId(t.topic).slice(6)}`,
      notes: [
        `${scorecard.laName} (LA ${scorecard.laCode}): latest year of each measure. Numbers unrounded.`,
        `Statistical neighbours: ${scorecard.neighbourSetVersion ?? 'none'} set.`,
        'How this is calculated: /methods',
      ],
    }));
}

/** The whole scorecard in one table (every topic shown, with topic and measure code): `/la/:code.csv`. */
export function wholeScorecardTable(scorecard: Scorecard, tables: DataTable[]): DataTable {
  const codes = scorecard.topics.flatMap((t) => t.entries.map((e) => [t.topic, e.measure.code]));
  return {
    id: 'all',
    caption: `${scorecard.laName} scorecard, all topics shown`,
    columns: [{ header: 'Topic' }, { header: 'Measure code' }, ...columns],
    rows: tables
      .flatMap((t) => t.rows)
      .map((r, i) => [{ raw: codes[i]![0]! }, { raw: codes[i]![1]! }, ...r]),
    fileName: `lantern-scorecard-${scorecard.laCode}`,
    notes: tables[0]?.notes ?? [],
  };
}

/** The LA's region as the service reports it (the first entry that has one). */
export function scorecardRegion(scorecard: Scorecard): string | null {
  for (const t of scorecard.topics)
    for (const e of t.entries) if (e.benchmark.regionName) return e.benchmark.regionName;
  return null;
}
