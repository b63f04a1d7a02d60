/**
 * The target page's chart and table, from targets judged on made-up figures: the region beside
 * England and the neighbours, the target year marked, the trend drawn the one the forecast
 * fitted (it meets the line in the year the reason gives), comparators through the shared
 * value cell, and a short caption with the long words in the notes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import type { LineSeries } from '../../src/web/charts/index.js';
import { yearReadings } from '../../src/strategy/readings.js';
import type { Series } from '../../src/strategy/series.js';
import { evaluateTarget, type TargetInput } from '../../src/strategy/status.js';
import type { Target } from '../../src/strategy/strategy-schema.js';
import type { JudgedTarget } from '../../src/strategy/strategy.service.js';
import { targetSentence } from '../../src/strategy/target-terms.js';
import {
  targetChart,
  targetChartInput,
  targetTable,
} from '../../src/web/pages/strategy-target/strategy-target.view.js';
import { series, target } from '../strategy/series-fixture.js';

const names = { la: 'Somerset', region: 'South West' };

function judged(t: Target, s: Series): JudgedTarget {
  const input: TargetInput = { target: t, series: s, strategyStart: 2020, today: '2026-06-01' };
  return {
    ...evaluateTarget(input),
    key: 'k',
    kind: t.kind,
    sentence: targetSentence(t, s.measure),
    priority: { key: 'p', title: 'Priority' },
    aim: { key: 'a', title: 'Aim' },
    measureEntry: { key: 'm', name: s.measure.name, replaces: null, group: null, phase: null },
    measure: s.measure.code,
    measureName: s.measure.name,
    figures: s.measure,
    years: s.years,
    readings: yearReadings(input),
    target: t,
  };
}

const cut = (q75: number): [number, number, number, number, number] => [30, 50, 58, q75, 90];
const bandSeries = series({
  2017: { value: 55, cut: cut(64), england: 60, region: 58, neighbours: 57 },
  2018: { value: 57, cut: cut(65), england: 61, region: 59, neighbours: 58 },
  2019: { value: 58, cut: cut(65.5), england: 62, region: 60, neighbours: 59 },
  2020: null,
  2022: { value: 60, cut: cut(66), england: 59, region: 58, neighbours: 58 },
  2023: { value: 62.5, cut: cut(66.2), england: 60, region: 59, neighbours: 59 },
  2024: { value: 64, cut: cut(66.5), england: 61, region: 60, neighbours: 60 },
});
const band = judged(target({ kind: 'band', band: 'top-quartile', by: 2027 }), bandSeries);
const value = judged(
  target({ kind: 'value', value: 60, by: 2027 }),
  series({ 2021: 50, 2022: 52, 2023: 53, 2024: 55, 2025: 56 }),
);

const named = (s: LineSeries[], name: string) => s.find((x) => x.name === name)!;

/** The first whole year in which the drawn trend reaches the drawn line (higher is better). */
function meetsIn(trend: LineSeries, line: LineSeries): number | null {
  const at = (s: LineSeries, year: number) => {
    const [a, b] = [s.points[0]!, s.points.at(-1)!];
    const [va, vb] = [a.value!, b.value!];
    return va + ((vb - va) * (year - a.yearNumber)) / (b.yearNumber - a.yearNumber);
  };
  const end = trend.points.at(-1)!.yearNumber;
  for (let y = 2025; y <= end; y++) if (at(trend, y) > at(line, y)) return y;
  return null;
}

describe('the target page’s chart', () => {
  it('draws the region’s line beside England’s and the neighbours’', () => {
    const input = targetChartInput(band, names)!;
    const shown = input.series.map((s) => s.name);
    for (const name of ['Somerset', 'Target line', 'England', 'South West', 'Neighbours'])
      assert.ok(shown.includes(name), shown.join(', '));
  });

  it('marks the target year', () => {
    const input = targetChartInput(band, names)!;
    assert.deepEqual(input.marker, { yearLabel: '2027', yearNumber: 2027, label: 'Target year' });
    const svg = targetChart(band, names)!.svg;
    assert.match(svg, />Target year</);
  });

  it('draws a band target’s trend meeting its line in the year the forecast gives', () => {
    assert.ok(band.forecast && !('refused' in band.forecast));
    assert.equal(band.forecast.reachesIn, 2028);
    const s = targetChartInput(band, names)!.series;
    assert.equal(meetsIn(named(s, 'Trend'), named(s, 'Line on its trend')), 2028);
    assert.match(band.reason, /reached in 2028/);
  });

  it('draws a value target’s trend from the forecast’s years to the year it meets the target', () => {
    assert.ok(value.forecast && !('refused' in value.forecast));
    const s = targetChartInput(value, names)!.series;
    const trend = named(s, 'Trend');
    assert.equal(trend.points[0]!.yearLabel, String(value.forecast.years[0]));
    assert.equal(meetsIn(trend, named(s, 'Line ahead')), value.forecast.reachesIn);
    assert.equal(trend.projects, 0);
  });

  it('shows the years without figures as a gap in the figure’s line', () => {
    const figure = named(targetChartInput(band, names)!.series, 'Somerset');
    assert.deepEqual(
      figure.points.map((p) => [p.yearLabel, p.value]),
      [
        ['2017', 55],
        ['2018', 57],
        ['2019', 58],
        ['2020', null],
        ['2022', 60],
        ['2023', 62.5],
        ['2024', 64],
      ],
    );
  });

  it('is one image summarised by its title and description', () => {
    const svg = parseHTML(`<body>${targetChart(band, names)!.svg}</body>`).document.querySelector(
      'svg',
    )!;
    assert.equal(svg.getAttribute('role'), 'img');
    assert.match(svg.querySelector('desc')!.textContent!, /target year, 2027, is marked/);
    assert.match(svg.querySelector('desc')!.textContent!, /meets the line in 2028/);
  });
});

describe('the target page’s table', () => {
  const table = targetTable(band, names, 'f');

  it('keeps its caption short', () => {
    assert.ok(table.caption.length < 60, table.caption);
  });

  it('names the region’s column and gives comparators as the other tables’ value cells', () => {
    assert.deepEqual(
      table.columns.map((c) => c.header),
      [
        'Year',
        'Somerset',
        'Line to reach',
        'Reached',
        'England',
        'South West',
        'Statistical neighbours',
      ],
    );
    const last = table.rows.at(-1)!;
    assert.deepEqual(
      last.slice(4).map((c) => [c.raw, c.text, c.classes]),
      [
        [61, '61.0', 'lantern-nowrap'],
        [60, '60.0', 'lantern-nowrap'],
        [60, '60.0', 'lantern-nowrap'],
      ],
    );
  });

  it('carries the measure, the target, the status and the trend in its notes', () => {
    const notes = table.notes!.join('\n');
    assert.match(notes, /^Measure: Test measure \(TEST_PCT\)/);
    assert.match(notes, /Target: Test measure: /);
    assert.match(notes, /Status: Off track\. Off track: 64\.0% in 2024/);
    assert.match(
      notes,
      /Trend: Fitted to 2018, 2019, 2022, 2023, 2024\. Reaches the target in 2028\./,
    );
  });
});

describe('the target chart’s axis', () => {
  it('labels a gap in percentage points, not in the measure’s own unit', () => {
    // The label rule reads the kind and the measure only.
    const gap = { ...value, kind: 'gap' as const };
    assert.equal(targetChartInput(gap, names)!.yLabel, 'Gap (percentage points)');
    assert.notEqual(targetChartInput(value, names)!.yLabel, 'Gap (percentage points)');
  });
});
