import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import {
  barChart,
  distributionChart,
  lineChart,
  type LinePoint,
} from '../../src/web/charts/index.js';

const points = (values: (number | null)[], from = 2016): LinePoint[] =>
  values.map((value, i) => ({ yearLabel: String(from + i), yearNumber: from + i, value }));

const covid = lineChart({
  title: 'KS2 reading, writing and maths',
  description: 'Somerset and England, 2016 to 2023.',
  yLabel: 'Percent',
  decimalPlaces: 0,
  series: [
    { name: 'Somerset', points: points([53, 55, 57, 58, null, null, 52, 54]) },
    { name: 'England', points: points([61, 64, 64, 65, null, null, 59, 60]) },
  ],
});

function parse(svg: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  return document.querySelector('svg')!;
}

/** The y values (pixels) of a line path's points. */
function pathPoints(d: string): [number, number][] {
  return [...d.matchAll(/[ML]([\d.-]+),([\d.-]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** Each year tick label's x (pixels). */
function tickX(svg: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of Array.from(parse(svg).querySelectorAll('text'))) {
    const m = /^translate\(([\d.]+),/.exec(t.getAttribute('transform') ?? '');
    if (m && /^\d{4}$/.test(t.textContent ?? '')) out[t.textContent!] = Number(m[1]);
  }
  return out;
}

describe('charts', () => {
  it('gives a line chart role img, named by its title and described by its desc', () => {
    const svg = parse(covid.svg);
    assert.equal(svg.getAttribute('role'), 'img');
    const title = svg.querySelector('title')!;
    assert.equal(title.textContent, 'KS2 reading, writing and maths');
    assert.equal(svg.getAttribute('aria-labelledby'), title.getAttribute('id'));
    const desc = svg.querySelector('desc')!;
    assert.equal(desc.textContent, 'Somerset and England, 2016 to 2023.');
    assert.equal(svg.getAttribute('aria-describedby'), desc.getAttribute('id'));
  });

  it('leaves no aria-label on g elements and no inline style in any chart', () => {
    const all = [
      covid.svg,
      barChart({
        title: 'b',
        description: 'd',
        decimalPlaces: 1,
        bars: [{ label: 'A', value: 1 }],
        referenceLines: [{ label: 'England', value: 2 }],
      }).svg,
      distributionChart({
        title: 't',
        description: 'd',
        decimalPlaces: 0,
        values: [1, 2, 3, 4, 5].map((v) => ({ label: `LA${v}`, value: v, highlight: v === 2 })),
        cutPoints: { q25: 2, q50: 3, q75: 4 },
        polarity: 'high',
      }).svg,
    ];
    for (const svg of all) {
      assert.doesNotMatch(svg, /<g[^>]*aria-label/);
      assert.doesNotMatch(svg, /<style|style="/);
    }
  });

  it('breaks lines at years with no data and never draws them at zero', () => {
    const svg = parse(covid.svg);
    const lines = Array.from(svg.querySelectorAll('g[stroke-width="2.5"] path'));
    assert.equal(lines.length, 2);
    for (const line of lines) {
      const d = line.getAttribute('d')!;
      assert.equal(d.match(/M/g)?.length, 2, `two segments: ${d}`);
      assert.equal(pathPoints(d).length, 6);
    }
    const zeroTick = Array.from(svg.querySelectorAll('text')).some((t) => t.textContent === '0');
    assert.equal(zeroTick, false);
  });

  it('marks a run of years with no data as one band labelled No data', () => {
    const labels = Array.from(parse(covid.svg).querySelectorAll('text')).filter(
      (t) => t.textContent === 'No data',
    );
    assert.equal(labels.length, 1);
  });

  it('spaces the years to scale, a year missing from every series keeping its width', () => {
    const chart = lineChart({
      title: 't',
      description: 'd',
      yLabel: '%',
      decimalPlaces: 0,
      series: [{ name: 'LA', points: [...points([50, 52], 2018), ...points([55, 56], 2022)] }],
    });
    const x = tickX(chart.svg);
    const year = x['2019']! - x['2018']!;
    assert.ok(Math.abs(x['2022']! - x['2019']! - 3 * year) < 0.01, JSON.stringify(x));
    const labels = Array.from(parse(chart.svg).querySelectorAll('text'));
    assert.equal(labels.filter((t) => t.textContent === 'No data').length, 1);
    const line = parse(chart.svg).querySelector('g[stroke-width="2.5"] path')!;
    assert.equal(line.getAttribute('d')!.match(/M/g)?.length, 2, 'the line breaks at the gap');
  });

  it('marks the given year with a vertical line and its label, on the axis without figures', () => {
    const chart = lineChart({
      title: 't',
      description: 'd',
      yLabel: '%',
      decimalPlaces: 0,
      series: [{ name: 'LA', points: points([50, 52, 54], 2022) }],
      marker: { yearLabel: '2027', yearNumber: 2027, label: 'Target year' },
    });
    const x = tickX(chart.svg);
    const texts = Array.from(parse(chart.svg).querySelectorAll('text'));
    assert.ok(texts.some((t) => t.textContent === 'Target year'));
    const rule = parse(chart.svg).querySelector('g[stroke-dasharray="3,3"] line')!;
    assert.equal(Number(rule.getAttribute('x1')), x['2027']);
  });

  it('names every line in a legend, each sample in its line’s dash', () => {
    const texts = Array.from(parse(covid.svg).querySelectorAll('text')).map((t) => t.textContent);
    assert.ok(texts.includes('Somerset') && texts.includes('England'), texts.join('|'));
    const samples = Array.from(parse(covid.svg).querySelectorAll('line[stroke-width="2.5"]'));
    assert.deepEqual(
      samples.map((l) => l.getAttribute('stroke-dasharray')),
      [null, '6,3'],
    );
  });

  it('draws a projection thinner, long-dashed, in its series’ colour and without markers', () => {
    const chart = lineChart({
      title: 't',
      description: 'd',
      yLabel: '%',
      decimalPlaces: 0,
      series: [
        { name: 'LA', points: points([50, 52, 54], 2022) },
        {
          name: 'Trend',
          projects: 0,
          points: points([50.1, 58], 2022).map((p, i) =>
            i ? { ...p, yearLabel: '2026', yearNumber: 2026 } : p,
          ),
        },
      ],
    });
    const svg = parse(chart.svg);
    const trend = svg.querySelector('g[stroke-width="1.5"][stroke-dasharray="12,5"]')!;
    assert.equal(trend.getAttribute('stroke'), '#1d70b8');
    assert.equal(svg.querySelectorAll('circle').length, 3, 'markers on the LA’s 3 points only');
  });

  it('takes the value axis from the data when values are 50 to 80', () => {
    const chart = lineChart({
      title: 't',
      description: 'd',
      yLabel: '%',
      decimalPlaces: 0,
      series: [{ name: 'LA', points: points([50, 65, 80]) }],
    });
    const ticks = Array.from(parse(chart.svg).querySelectorAll('text'))
      .map((t) => t.textContent ?? '')
      .filter((t) => /^\d+$/.test(t))
      .map(Number)
      .filter((n) => n < 2000);
    assert.ok(Math.min(...ticks) >= 40, `ticks ${ticks.join(',')}`);
    assert.ok(Math.min(...ticks) < 50);
  });

  it('renders the same input to the same markup', () => {
    const again = lineChart({
      title: 'KS2 reading, writing and maths',
      description: 'Somerset and England, 2016 to 2023.',
      yLabel: 'Percent',
      decimalPlaces: 0,
      series: [
        { name: 'Somerset', points: points([53, 55, 57, 58, null, null, 52, 54]) },
        { name: 'England', points: points([61, 64, 64, 65, null, null, 59, 60]) },
      ],
    });
    assert.equal(again.svg, covid.svg);
  });

  it('labels the cut points, the bands A to D and the chosen LA in a distribution chart', () => {
    const chart = distributionChart({
      title: 't',
      description: 'd',
      decimalPlaces: 0,
      values: Array.from({ length: 40 }, (_, i) => ({
        label: `LA ${i}`,
        value: 40 + i,
        highlight: i === 3,
      })),
      cutPoints: { q25: 49.75, q50: 59.5, q75: 69.25 },
      polarity: 'high',
    });
    const texts = Array.from(parse(chart.svg).querySelectorAll('text')).map((t) => t.textContent);
    for (const band of ['Band A', 'Band B', 'Band C', 'Band D']) assert.ok(texts.includes(band));
    assert.ok(texts.includes('25% cut point: 50'));
    assert.ok(texts.includes('50% cut point: 60'));
    assert.ok(texts.includes('75% cut point: 69'));
    assert.ok(texts.includes('◆ LA 3: 43'));
    assert.equal(parse(chart.svg).querySelectorAll('circle').length, 40);
  });

  it('shows No data for a bar with no value instead of a zero bar', () => {
    const chart = barChart({
      title: 't',
      description: 'd',
      decimalPlaces: 1,
      bars: [
        { label: 'Somerset', value: 57, highlight: true },
        { label: 'Dorset', value: null },
      ],
    });
    const svg = parse(chart.svg);
    assert.equal(svg.querySelectorAll('rect').length, 1);
    const texts = Array.from(svg.querySelectorAll('text')).map((t) => t.textContent);
    assert.ok(texts.includes('No data'));
    assert.ok(texts.includes('57.0 ◀'));
  });
});
