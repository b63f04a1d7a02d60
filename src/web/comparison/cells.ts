/**
 * Table cells shared by the neighbours, region and all-LAs pages. Downloads carry `raw`
 * (unrounded numbers, the band letter, the rank); the page shows the text from core/format.
 */
import type { LaBenchmark, QuartileBand } from '../../benchmarks/benchmark.js';
import {
  formatChange,
  formatNumber,
  formatRank,
  roundHalfAwayFromZero,
} from '../../core/format.js';
import type { Measure } from '../../measures/measure.js';
import { escapeHtml } from '../html.js';
import type { DataCell } from '../tables/data-table.js';

export const bandWords: Record<QuartileBand, string> = {
  A: 'best 25%',
  B: 'second 25%',
  C: 'third 25%',
  D: 'weakest 25%',
};

export function valueCell(
  value: number | null,
  dp: number,
  suppression: string | null = null,
): DataCell {
  return {
    raw: value ?? suppression,
    text: formatNumber(value, dp, { suppression }),
    classes: 'lantern-nowrap',
  };
}

export function textCell(text: string, classes?: string): DataCell {
  return { raw: text, ...(classes ? { classes } : {}) };
}

/** A link shown on the page; the download carries the text. */
export function linkCell(text: string, href: string, extraHtml = ''): DataCell {
  return {
    raw: text,
    html: `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(text)}</a>${extraHtml}`,
  };
}

export function rankCell(b: LaBenchmark, measure: Measure): DataCell {
  if (measure.polarity === null) return { raw: null, text: 'n/a' };
  return { raw: b.rank, text: formatRank(b.rank, b.rankOf), classes: 'lantern-nowrap' };
}

export function bandCell(b: LaBenchmark, measure: Measure): DataCell {
  const band = b.quartileBand;
  if (measure.polarity === null || measure.noQuartile) return { raw: null, text: 'n/a' };
  if (band === null) return { raw: null, text: '–' };
  return {
    raw: band,
    html:
      `<strong class="lantern-band lantern-band--${band.toLowerCase()}">${band}</strong> ` +
      `<span class="lantern-band__words">${bandWords[band]}</span>`,
    classes: 'lantern-nowrap',
  };
}

/** The change with an arrow and a word ("better"/"worse"), so colour is never the only cue. */
export function changeCell(b: LaBenchmark, dp: number): DataCell {
  if (b.changeFromPrevious === null) return { raw: null, text: '–' };
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
    raw: b.changeFromPrevious,
    html:
      `<span class="lantern-change lantern-change--${direction ?? 'none'}">` +
      `<span aria-hidden="true">${arrow}</span> ${escapeHtml(formatChange(b.changeFromPrevious, dp))}` +
      ` <span class="lantern-change__word">${word}</span></span>` +
      `<span class="govuk-visually-hidden">${since}</span>`,
    classes: 'lantern-nowrap',
  };
}

/** "60.1 (10)": the neighbours' average and how many neighbours had a value. */
export function snAverageCell(b: LaBenchmark, dp: number): DataCell {
  const avg = b.statisticalNeighboursAverage;
  return {
    raw: avg,
    text: avg === null ? '–' : `${formatNumber(avg, dp)} (${b.statisticalNeighboursWithValue})`,
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

/** `currentUrl` with some query parameters set (undefined removes one) and the download ones dropped. */
export function withQuery(currentUrl: string, changes: Record<string, string | undefined>): string {
  const url = new URL(currentUrl, 'http://lantern.local');
  url.searchParams.delete('download');
  url.searchParams.delete('table');
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) url.searchParams.delete(k);
    else url.searchParams.set(k, v);
  }
  return `${url.pathname}${url.search}`;
}
