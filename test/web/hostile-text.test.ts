import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { barChart, distributionChart, lineChart } from '../../src/web/charts/index.js';
import { linksHtml } from '../../src/web/pages/la-measure/la-measure.view.js';
import { renderComponent } from '../../src/web/render.js';
import { linkCell, strongCell } from '../../src/web/tables/cells.js';
import { componentSpecs } from '../support/components.js';
import { hostileStrings, liveMarkup, survives } from '../support/markup.js';

/** Every text a chart shows, set to `h`. */
function charts(h: string) {
  const points = [
    { yearLabel: h, yearNumber: 2024, value: 1 },
    { yearLabel: '2025', yearNumber: 2025, value: 2 },
  ];
  return {
    line: lineChart({
      title: h,
      description: h,
      yLabel: h,
      decimalPlaces: 0,
      series: [{ name: h, points }],
    }).svg,
    bar: barChart({
      title: h,
      description: h,
      decimalPlaces: 1,
      bars: [{ label: h, value: 1, highlight: true }],
      referenceLines: [{ label: h, value: 2 }],
    }).svg,
    distribution: distributionChart({
      title: h,
      description: h,
      decimalPlaces: 0,
      values: [1, 2, 3, 4, 5].map((v) => ({ label: `${h}${v}`, value: v, highlight: v === 2 })),
      cutPoints: { q25: 2, q50: 3, q75: 4 },
      polarity: 'high',
    }).svg,
  };
}

function svgOf(markup: string) {
  return parseHTML(`<!doctype html><html><body>${markup}</body></html>`).document.querySelector(
    'svg',
  )!;
}

describe('charts given hostile text', () => {
  for (const h of hostileStrings) {
    it(`keep ${JSON.stringify(h)} as text in every chart, title and description whole`, () => {
      for (const [name, markup] of Object.entries(charts(h))) {
        assert.deepEqual(liveMarkup(markup), [], name);
        const svg = svgOf(markup);
        assert.equal(svg.querySelector('title')?.textContent, h, `${name} title`);
        assert.equal(svg.querySelector('desc')?.textContent, h, `${name} desc`);
        assert.equal(svg.getAttribute('role'), 'img', `${name} is still one image`);
        const texts = Array.from(svg.querySelectorAll('text')).map((t) => t.textContent ?? '');
        assert.ok(
          texts.some((t) => t.includes(h)),
          `${name} shows the label: ${texts.join(' | ')}`,
        );
      }
    });
  }
});

type Options = Record<string, unknown>;

/**
 * The example's options with each string replaced by `text(i)`, the i-th string met; `html` and
 * `svg` are left alone, being markup by design (made by a component or a chart).
 */
function replaceStrings(value: unknown, text: (i: number) => string, count = { n: 0 }): unknown {
  if (typeof value === 'string') return text(count.n++);
  if (Array.isArray(value)) return value.map((v) => replaceStrings(v, text, count));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) =>
        k === 'html' || k === 'svg' ? [k, v] : [k, replaceStrings(v, text, count)],
      ),
    );
  return value;
}

const token = (i: number) => `tok${i}x`;

describe('components given hostile text in every string of their examples', () => {
  for (const spec of componentSpecs()) {
    for (const example of spec.examples) {
      it(`render ${spec.name} "${example.name}" with no live markup and each shown text whole`, () => {
        // Which strings the component shows at all (some only choose a class or a branch).
        const plain = renderComponent(spec.name, replaceStrings(example.options, token) as Options);
        const count = { n: 0 };
        replaceStrings(example.options, token, count);
        const shown = [...Array(count.n).keys()].filter((i) => survives(plain, token(i)));
        assert.ok(shown.length > 0, 'the example shows some text');
        for (const h of hostileStrings) {
          const text = (i: number) => `${h}${token(i)}`;
          const html = renderComponent(spec.name, replaceStrings(example.options, text) as Options);
          assert.deepEqual(liveMarkup(html), [], h);
          for (const i of shown) assert.ok(survives(html, text(i)), `${text(i)} is shown whole`);
        }
      });
    }
  }
});

describe('table cells and measure links given hostile text', () => {
  for (const h of hostileStrings) {
    it(`keep ${JSON.stringify(h)} as text in link, bold and source-links cells`, () => {
      const cells = [
        linkCell(h, `/la/933?x=${h}`, { chosen: true }).html!,
        strongCell(h, h).html!,
        linksHtml(`${h} https://example.org/a?b=1&c=2\n${h}`),
      ];
      for (const html of cells) {
        assert.deepEqual(liveMarkup(html), [], html);
        assert.ok(survives(html, h), html);
      }
      assert.ok(survives(cells[0]!, `/la/933?x=${h}`), 'the link goes where it says');
    });
  }
});

/** Files under src/web, with their text. */
function webFiles(ext: string): { file: string; text: string }[] {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/web');
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => ({ file: f, text: fs.readFileSync(path.join(root, f), 'utf8') }));
}

/** Each `| safe` and why its value is already markup made by the engine, markdown-it or the DOM. */
const safeMarkup = new Map([
  ['components/compact-table/template.njk: cell.html', 'renderComponent or renderMacro output'],
  ['components/chart/template.njk: params.svg', 'a chart: svg.ts builds it with the DOM'],
  ['pages/scorecard/scorecard.njk: tablesHtml', 'renderTemplate of scorecard-tables.njk'],
  ['pages/methods/methods.njk: doc.introHtml', 'markdown-it with html: false'],
  ['pages/methods/methods.njk: doc.bodyHtml', 'markdown-it with html: false'],
  ['pages/all-las/all-las.njk: body', 'renderTemplate of all-las-body.njk'],
  [
    'pages/board-report/board-report-file.njk: css',
    'the GOV.UK and Lantern stylesheets we ship, read from disk, "</style" escaped',
  ],
]);

describe('markup made only by the template engine', () => {
  it('marks as safe only values that a template, markdown-it or the DOM made', () => {
    const found = webFiles('.njk').flatMap(({ file, text }) =>
      [...text.matchAll(/\{\{\s*([\w.]+)\s*\|\s*safe/g)].map((m) => `${file}: ${m[1]}`),
    );
    assert.deepEqual([...new Set(found)].sort(), [...safeMarkup.keys()].sort());
  });

  it('builds no HTML in TypeScript strings', () => {
    const found = webFiles('.ts').flatMap(({ file, text }) =>
      text
        .split('\n')
        // Comments, and markup being parsed (a linkedom document for Plot), are not markup made.
        .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line) && !line.includes('parseHTML('))
        .filter((line) => /[`'"]<[a-zA-Z/!]|\.(inner|outer)HTML\s*=/.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    assert.deepEqual(found, []);
  });
});
