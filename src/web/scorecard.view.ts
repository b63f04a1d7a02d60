/** Turns the benchmark service's scorecard into table rows: every number formatted here, via core/format. */
import type {
  LaBenchmark,
  QuartileBand,
  Scorecard,
  ScorecardEntry,
} from '../benchmarks/benchmark.js';
import { formatChange, formatNumber, formatRank, roundHalfAwayFromZero } from '../core/format.js';
import { escapeHtml } from './html.js';

export interface Cell {
  text?: string;
  html?: string;
  format?: 'numeric';
  classes?: string;
}

export const scorecardHead: Cell[] = [
  { text: 'Measure' },
  { text: 'Year' },
  { text: 'Value', format: 'numeric' },
  { text: 'Change from previous year', format: 'numeric' },
  { text: 'Rank (1 = best)', format: 'numeric' },
  { text: 'Quartile band' },
  { text: 'Statistical neighbours average', format: 'numeric' },
  { text: 'Region', format: 'numeric' },
  { text: 'England', format: 'numeric' },
];

const bandWords: Record<QuartileBand, string> = {
  A: 'best 25%',
  B: 'second 25%',
  C: 'third 25%',
  D: 'weakest 25%',
};

function changeCell(b: LaBenchmark, dp: number): Cell {
  if (b.changeFromPrevious === null) return { text: '–', format: 'numeric' };
  const rounded = roundHalfAwayFromZero(b.changeFromPrevious, dp);
  const arrow = rounded > 0 ? '▲' : rounded < 0 ? '▼' : '►';
  const direction = rounded === 0 ? 'same' : b.changeDirection;
  const word =
    direction === 'better'
      ? 'better'
      : direction === 'worse'
        ? 'worse'
        : direction === 'same'
          ? 'no change'
          : 'no better direction';
  const since = b.previousYearLabel ? ` since ${escapeHtml(b.previousYearLabel)}` : '';
  return {
    html:
      `<span class="lantern-change lantern-change--${direction ?? 'none'}">` +
      `<span aria-hidden="true">${arrow}</span> ${escapeHtml(formatChange(b.changeFromPrevious, dp))}` +
      ` <span class="lantern-change__word">${word}</span></span>` +
      `<span class="govuk-visually-hidden">${since}</span>`,
    format: 'numeric',
  };
}

function bandCell(entry: ScorecardEntry): Cell {
  const band = entry.benchmark.quartileBand;
  if (band === null) {
    const why = entry.measure.polarity === null ? 'no band (no better direction)' : '–';
    return { text: why };
  }
  return {
    html: `<strong class="lantern-band lantern-band--${band.toLowerCase()}">${band}</strong> <span class="lantern-band__words">${bandWords[band]}</span>`,
  };
}

export function scorecardRow(entry: ScorecardEntry): Cell[] {
  const b = entry.benchmark;
  const dp = entry.measure.decimalPlaces;
  const num = (v: number | null, suppression: string | null = null): Cell => ({
    text: formatNumber(v, dp, { suppression }),
    format: 'numeric',
  });
  return [
    { text: entry.measure.name },
    { text: entry.yearLabel },
    num(b.value, b.suppression),
    changeCell(b, dp),
    { text: formatRank(b.rank, b.rankOf), format: 'numeric', classes: 'lantern-nowrap' },
    bandCell(entry),
    num(b.statisticalNeighboursAverage),
    num(b.regionValue),
    num(b.englandValue),
  ];
}

export function scorecardTables(scorecard: Scorecard) {
  return scorecard.topics.map((t) => ({ topic: t.topic, rows: t.entries.map(scorecardRow) }));
}

/** The LA's region as the service reports it (the first entry that has one). */
export function scorecardRegion(scorecard: Scorecard): string | null {
  for (const t of scorecard.topics)
    for (const e of t.entries) if (e.benchmark.regionName) return e.benchmark.regionName;
  return null;
}

export const scorecardCsvHeader = [
  'Topic',
  'Measure code',
  'Measure',
  'Year',
  'Value',
  'Suppression marker',
  'Previous year',
  'Change from previous year',
  'Change direction',
  'Rank',
  'Rank of',
  'Quartile band',
  'Statistical neighbours average',
  'Region',
  'Region value',
  'England value',
  'Source',
];

/** CSV rows: figures rounded to the measure's decimal places, as on the page, without thousands separators. */
export function scorecardCsvRows(scorecard: Scorecard): (string | number | null)[][] {
  return scorecard.topics.flatMap((t) =>
    t.entries.map((e) => {
      const b = e.benchmark;
      const dp = e.measure.decimalPlaces;
      const fixed = (v: number | null) =>
        v === null ? null : roundHalfAwayFromZero(v, dp).toFixed(dp);
      return [
        t.topic,
        e.measure.code,
        e.measure.name,
        e.yearLabel,
        fixed(b.value),
        b.suppression,
        b.previousYearLabel,
        fixed(b.changeFromPrevious),
        b.changeDirection,
        b.rank,
        b.rankOf,
        b.quartileBand,
        fixed(b.statisticalNeighboursAverage),
        b.regionName,
        fixed(b.regionValue),
        fixed(b.englandValue),
        e.measure.source,
      ];
    }),
  );
}
