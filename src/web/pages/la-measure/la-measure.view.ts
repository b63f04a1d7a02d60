/**
 * The LA-measure page (LAIT's LA view) as DataTables and a chart: the time series of the LA,
 * its region, its neighbours' average and England; the chosen year's rank, band, band ranges
 * and cut points; the measure's metadata. Every number through core/format.ts.
 */
import { bandRanges } from '../../../benchmarks/band-ranges.js';
import type {
  LaMeasureTimeSeries,
  LaMeasureYear,
} from '../../../benchmarks/time-series.service.js';
import { formatDate, formatNumber } from '../../../core/format.js';
import { bandCell, changeCell, rankCell, valueCell } from '../../tables/cells.js';
import type { Measure } from '../../../measures/measure.js';
import { lineChart } from '../../charts/index.js';
import {
  bandLabel,
  bandRangeText,
  bandText,
  bandWords,
  describeChange,
  type ChangeFigure,
  rankText,
} from '../../../benchmarks/figures.js';
import type { DataTable } from '../../tables/data-table.js';
import { renderMacro } from '../../render.js';

const polarityWords = {
  high: 'Higher is better',
  low: 'Lower is better',
  none: 'Neither higher nor lower is better (no rank or band)',
};

function seriesNames(ts: LaMeasureTimeSeries) {
  const region = ts.years.map((y) => y.benchmark.regionName).findLast((n) => n) ?? 'Region';
  return { la: ts.la.name, region, sn: 'Statistical neighbours average', england: 'England' };
}

function timeSeriesTable(ts: LaMeasureTimeSeries): DataTable {
  const dp = ts.measure.decimalPlaces;
  const names = seriesNames(ts);
  const num = (v: number | null, suppression: string | null = null) =>
    valueCell(v, dp, suppression);
  return {
    id: 'time-series',
    caption: `${ts.la.name}, ${names.region}, statistical neighbours and England by year`,
    columns: [
      { header: 'Year' },
      { header: ts.la.name, numeric: true },
      { header: 'Change from previous year', numeric: true },
      { header: names.region, numeric: true },
      { header: 'Statistical neighbours average', numeric: true },
      { header: 'Neighbours with a value', numeric: true },
      { header: 'England', numeric: true },
      { header: 'Rank (1 = best)', numeric: true },
      { header: 'Quartile band' },
    ],
    rows: [...ts.years].reverse().map((y) => {
      const b = y.benchmark;
      return [
        { raw: y.yearLabel },
        num(b.value, b.suppression),
        changeCell(b, dp),
        num(b.regionValue),
        num(b.statisticalNeighboursAverage),
        { raw: b.statisticalNeighboursWithValue },
        num(b.englandValue),
        rankCell(b, ts.measure),
        bandCell(b, ts.measure),
      ];
    }),
    fileName: `lantern-${ts.la.code}-${ts.measure.code}-by-year`,
    notes: [
      `${ts.measure.name} (${ts.measure.code}). Numbers unrounded.`,
      `Statistical neighbours: ${ts.neighbourSetVersion ?? 'none'} set.`,
      'How this is calculated: /methods',
    ],
  };
}

function bandsTable(ts: LaMeasureTimeSeries, year: LaMeasureYear): DataTable | undefined {
  const m = ts.measure;
  if (!year.cutPoints || m.polarity === null) return undefined;
  const dp = m.decimalPlaces;
  const ranges = bandRanges(year.cutPoints, m.polarity, dp);
  const cut = year.cutPoints;
  return {
    id: 'bands',
    caption: `Quartile bands and cut points, ${year.yearLabel}`,
    columns: [
      { header: 'Band' },
      { header: 'Range' },
      { header: 'From', numeric: true },
      { header: 'To', numeric: true },
    ],
    rows: [
      ...ranges.map((r) => [
        {
          raw: r.band,
          text: `${bandLabel(r.band)}${r.band === year.benchmark.quartileBand ? `, ${ts.la.name}` : ''}`,
        },
        { raw: bandRangeText(r, dp) },
        { raw: r.from, text: formatNumber(r.from, dp) },
        { raw: r.to, text: formatNumber(r.to, dp) },
      ]),
      ...(
        [
          ['0% (lowest value)', cut.q0],
          ['25% cut point', cut.q25],
          ['50% cut point (median)', cut.q50],
          ['75% cut point', cut.q75],
          ['100% (highest value)', cut.q100],
        ] as const
      ).map(([label, v]) => [
        { raw: label },
        { raw: formatNumber(v, dp) },
        { raw: v, text: formatNumber(v, dp) },
        { raw: null, text: '' },
      ]),
    ],
    fileName: `lantern-${ts.measure.code}-${year.yearLabel}-bands`,
    notes: [
      `${m.name} (${m.code}), ${year.yearLabel}: ${cut.laCount} LAs with a value. Cut points unrounded.`,
      'How this is calculated: /methods#bands',
    ],
  };
}

/** The dictionary's links as links: every http(s) address becomes one (text around them kept, escaped). */
export function linksHtml(text: string): string {
  const lines = text
    .split('\n')
    .map((line) =>
      line
        .split(/(https?:\/\/[^\s,;"<>]+)/)
        .map((part, i) => (i % 2 === 1 ? { href: part } : { text: part })),
    );
  return renderMacro('pages/la-measure/source-links.njk', 'sourceLinks', { lines });
}

const changeInline = (f: ChangeFigure | null) => (f ? { ...f, inline: true as const } : null);

function metadataRows(
  m: Measure,
): { key: { text: string }; value: { text: string } | { html: string } }[] {
  const rows: [string, string | null][] = [
    ['Description', m.description],
    ['Methodology', m.methodology],
    ['Source', m.source],
    ['Links', m.sourceLinks],
    ['Last updated', m.lastUpdate && formatDate(m.lastUpdate)],
    ['Next update', m.nextUpdate && formatDate(m.nextUpdate)],
    ['Year type', m.yearType],
    ['Which way is better', polarityWords[m.polarity ?? 'none']],
    [
      'Decimal places shown',
      `${m.decimalPlaces}${m.decimalPlacesPublished ? '' : ' (none published; 1 assumed, as LAIT)'}`,
    ],
    ['Quartile bands', m.noQuartile ? 'Not shown: the DfE says the range is too small' : null],
    ['Measure code', m.code],
  ];
  return rows
    .filter((r): r is [string, string] => r[1] !== null && r[1] !== '')
    .map(([k, v]) => ({
      key: { text: k },
      value: k === 'Links' ? { html: linksHtml(v) } : { text: v },
    }));
}

export interface LaMeasureView {
  year: LaMeasureYear;
  tables: DataTable[];
  chartSvg: string;
  chartCaption: string;
  metadata: ReturnType<typeof metadataRows>;
  regionName: string | null;
  summary: {
    value: string;
    rank: string;
    band: string | null;
    bandWords: string | null;
    bandText: string;
    /** For the change component, on one line in the summary list. */
    change: (ChangeFigure & { inline: true }) | null;
    bandRange: string | null;
    snAverage: string;
    region: string;
    england: string;
  };
}

/** Built once per LA, measure and year (cached by the route). */
export function laMeasureView(ts: LaMeasureTimeSeries, year: LaMeasureYear): LaMeasureView {
  const m = ts.measure;
  const dp = m.decimalPlaces;
  const names = seriesNames(ts);
  const b = year.benchmark;
  const point = (pick: (y: LaMeasureYear) => number | null) =>
    ts.years.map((y) => ({ yearLabel: y.yearLabel, yearNumber: y.yearNumber, value: pick(y) }));
  const first = ts.years[0]!.yearLabel;
  const last = ts.years[ts.years.length - 1]!.yearLabel;
  const chart = lineChart({
    title: `${m.chartTitle ?? m.name}: ${ts.la.name}, ${names.region}, statistical neighbours and England`,
    description: `Line chart of ${m.name} from ${first} to ${last}. Years with no data are shaded and marked "No data". The figures are in the table "${timeSeriesTable(ts).caption}".`,
    yLabel: m.unitLabel ?? 'Value',
    decimalPlaces: dp,
    series: [
      { name: names.la, points: point((y) => y.benchmark.value) },
      { name: names.region, points: point((y) => y.benchmark.regionValue) },
      { name: 'Neighbours', points: point((y) => y.benchmark.statisticalNeighboursAverage) },
      { name: names.england, points: point((y) => y.benchmark.englandValue) },
    ],
  });
  const ranges = year.cutPoints && m.polarity ? bandRanges(year.cutPoints, m.polarity, dp) : [];
  const range = ranges.find((r) => r.band === b.quartileBand);
  const bands = bandsTable(ts, year);
  return {
    year,
    tables: [timeSeriesTable(ts), ...(bands ? [bands] : [])],
    chartSvg: chart.svg,
    chartCaption: `${m.name}, ${first} to ${last}. The axis starts near the data, not at zero. Shaded years have no data for any area (for example, assessments cancelled during COVID).`,
    metadata: metadataRows(m),
    regionName: b.regionName,
    summary: {
      value: formatNumber(b.value, dp, { suppression: b.suppression }),
      rank: rankText(b, m),
      band: b.quartileBand,
      bandWords: b.quartileBand ? bandWords[b.quartileBand] : null,
      bandText: bandText(b.quartileBand, m),
      change: changeInline(describeChange(b, dp)),
      bandRange: range ? bandRangeText(range, dp) : null,
      snAverage:
        b.statisticalNeighboursAverage === null
          ? '–'
          : `${formatNumber(b.statisticalNeighboursAverage, dp)} (${b.statisticalNeighboursWithValue} neighbours)`,
      region: formatNumber(b.regionValue, dp),
      england: formatNumber(b.englandValue, dp),
    },
  };
}
