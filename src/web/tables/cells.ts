/**
 * The table cells of every benchmark figure, for every page that shows one (scorecard,
 * LA-measure, neighbours, region, all LAs). Downloads carry `raw` (unrounded numbers, the band
 * letter, the rank); the page shows what benchmarks/figures.ts says, in our components' markup.
 */
import type { LaBenchmark } from '../../benchmarks/benchmark.js';
import {
  bandText,
  bandWords,
  describeChange,
  describeMovedBand,
  missing,
  neighboursAverageText,
  notApplicable,
  rankText,
} from '../../benchmarks/figures.js';
import type { EntryHistory } from '../../benchmarks/scorecard-history.js';
import { formatNumber } from '../../core/format.js';
import type { Measure } from '../../measures/measure.js';
import { renderComponent, renderMacro } from '../render.js';
import type { DataCell } from './data-table.js';

type BandMeasure = Pick<Measure, 'polarity' | 'noQuartile'>;

/** compact: the cell is for a compact table (components/compact-table: the scorecard). */
export interface CellOptions {
  compact?: boolean;
}

export function valueCell(
  value: number | null,
  dp: number,
  suppression: string | null = null,
): DataCell {
  const text = formatNumber(value, dp, { suppression });
  const marker = value === null && suppression !== null;
  return {
    raw: value ?? suppression,
    ...(marker ? { html: renderComponent('value', { text, marker }) } : { text }),
    classes: 'lantern-nowrap',
  };
}

export function textCell(text: string, classes?: string): DataCell {
  return { raw: text, ...(classes ? { classes } : {}) };
}

/** A link shown on the page (tagged "chosen" for the LA asked about); the download carries the text. */
export function linkCell(text: string, href: string, options: { chosen?: boolean } = {}): DataCell {
  return { raw: text, html: renderMacro('tables/cells.njk', 'link', { text, href, ...options }) };
}

/**
 * A row's label that the row above already shows (a figure's second year): read out by a screen
 * reader, not shown again, so a narrow screen gets one line a year; the download carries it.
 */
export function repeatedLabelCell(text: string): DataCell {
  return { raw: text, html: renderMacro('tables/cells.njk', 'hidden', { text }) };
}

/** Text in bold with words after it ("South West (this region)"); the download carries the text. */
export function strongCell(text: string, after: string): DataCell {
  return { raw: text, html: renderMacro('tables/cells.njk', 'strong', { text, after }) };
}

export function rankCell(b: LaBenchmark, measure: Pick<Measure, 'polarity'>): DataCell {
  const text = rankText(b, measure);
  return { raw: text === notApplicable ? null : b.rank, text, classes: 'lantern-nowrap' };
}

export function bandCell(
  b: Pick<LaBenchmark, 'quartileBand'>,
  measure: BandMeasure,
  options: CellOptions = {},
): DataCell {
  const band = b.quartileBand;
  const text = bandText(band, measure);
  if (band === null || text === notApplicable) return { raw: null, text };
  return {
    raw: band,
    html: renderComponent('quartile-band', { band, words: bandWords[band], ...options }),
    classes: 'lantern-nowrap',
  };
}

/** The change with an arrow and a word ("better"/"worse"), so colour is never the only cue. */
export function changeCell(b: LaBenchmark, dp: number, options: CellOptions = {}): DataCell {
  const figure = describeChange(b, dp);
  if (!figure) return { raw: null, text: missing };
  const coloured = figure.direction === 'better' || figure.direction === 'worse';
  return {
    raw: figure.change,
    html: renderComponent('change', { ...figure, ...options }),
    classes: 'lantern-nowrap',
    // In a compact table the cell itself is the change component's block (lantern.css).
    ...(options.compact && coloured
      ? { compactClasses: `lantern-change--${figure.direction}` }
      : {}),
  };
}

/** The band the LA was in the year before, flagged when it moved. */
export function movedBandCell(history: EntryHistory | undefined): DataCell {
  const figure = history ? describeMovedBand(history) : null;
  if (!figure) return { raw: null, text: missing };
  const html = renderComponent('moved-band', figure);
  return {
    raw: figure.previousBand,
    html,
    ...(figure.moved ? { classes: 'lantern-moved-cell' } : {}),
  };
}

/** "60.1 (10)": the neighbours' average and how many neighbours had a value. */
export function snAverageCell(b: LaBenchmark, dp: number): DataCell {
  return {
    raw: b.statisticalNeighboursAverage,
    text: neighboursAverageText(b, dp),
    classes: 'lantern-nowrap',
  };
}

/** Source, release, year and method lines under a downloaded table. */
export function tableNotes(
  measure: Measure,
  yearLabel: string,
  extra: string[] = [],
  methodPath = '/methods',
): string[] {
  return [
    `Measure: ${measure.name} (${measure.code}), ${yearLabel}`,
    ...(measure.source ? [`Source: ${measure.source}`] : []),
    ...extra,
    `Values unrounded. Rank 1 = best; band A = best 25%. How this is calculated: ${methodPath}`,
  ];
}

/** A link with a line of small text under it (a target: its measure, then the target's sentence). */
export function linkWithNoteCell(text: string, href: string, note: string): DataCell {
  return {
    raw: `${text}: ${note}`,
    html: renderMacro('tables/cells.njk', 'linkWithNote', { text, href, note }),
  };
}
