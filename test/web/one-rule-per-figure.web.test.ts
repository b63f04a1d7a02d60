/**
 * One rule per figure: the same LA and measure show the same change and band on every page that
 * shows them and in the CLI. The data hold the case two copies of the change rule once disagreed
 * on: +0.04 on a 1-decimal-place measure (shown "0.0", but up and better: methods §8).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { parseHTML } from 'linkedom';
import { refreshBenchmarks } from '../../src/benchmarks/benchmarks.service.js';
import { runCli } from '../../src/cli/main.js';
import type { Database } from '../../src/core/db.js';
import { buildApp } from '../../src/web/app.js';
import { load, measure, neighbourSet, obs } from '../benchmarks/fixtures.js';
import { testCliContext } from '../support/cli.js';
import { freshPglite } from '../support/db.js';

const ks2 = measure('KS2', { name: 'KS2 reading, writing and maths', polarity: 'high' });
// South West LAs (region 990) and Sefton; Somerset (933) moves from 57.00 to 57.04.
const lastYear: [number, number][] = [
  [933, 57],
  [908, 60],
  [916, 62],
  [343, 55],
  [823, 64],
  [970, 59],
  [990, 58],
];
const thisYear: [number, number][] = [
  [933, 57.04],
  [908, 61],
  [916, 61],
  [343, 58],
  [823, 63],
  [970, 60],
  [990, 59],
];

/** The change and band cells in the table row that holds `rowText` (a link or cell text). */
function cellsInRow(html: string, rowText: string, tableId?: string) {
  const { document } = parseHTML(html);
  const scope: ParentNode | null = tableId ? document.getElementById(tableId) : document;
  const rows: HTMLTableRowElement[] = scope ? Array.from(scope.querySelectorAll('tr')) : [];
  const row = rows.find((tr) =>
    Array.from(tr.querySelectorAll('th, td')).some(
      (c) =>
        c.textContent?.trim() === rowText || c.querySelector('a')?.textContent?.trim() === rowText,
    ),
  );
  assert.ok(row, `a row for ${rowText}`);
  return { change: changeSeen(row), band: bandSeen(row) };
}

/**
 * The change as a reader meets it, whatever the markup (the scorecard's compact table writes it
 * without the component's wrapper): what a screen reader hears for the arrow, the cell's text
 * and the colour.
 */
function changeSeen(row: Element): string | undefined {
  const arrow = row.querySelector('i[role="img"]');
  const block = arrow?.parentElement;
  if (!arrow || !block) return undefined;
  const colour = /lantern-change--(better|worse)/.exec(block.className)?.[1] ?? 'no colour';
  return `${arrow.getAttribute('aria-label')} | ${block.textContent} | ${colour}`;
}

/** The band as a reader meets it: letter, words and the letter's colour class. */
function bandSeen(row: Element): string | undefined {
  const letter = row.querySelector('strong[class*="lantern-band--"]');
  if (!letter) return undefined;
  const band = /lantern-band--([a-d])/.exec(letter.className)?.[1];
  return `${letter.textContent} ${letter.nextElementSibling?.textContent} | band ${band}`;
}

describe('one rule per figure', () => {
  let db: Database;
  let app: FastifyInstance;
  before(async () => {
    db = await freshPglite();
    await db.transaction(async (tx) => {
      await load(
        tx,
        [ks2],
        [...obs('KS2', '2024', lastYear), ...obs('KS2', '2025', thisYear)],
        neighbourSet('2025', { 933: [908, 916, 343] }, { 933: 990 }),
      );
      await refreshBenchmarks(tx);
    });
    app = await buildApp({ db, config: { organisationName: 'Lantern', production: false } });
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  const page = async (url: string) => {
    const res = await app.inject(url);
    assert.equal(res.statusCode, 200, url);
    return res.body;
  };

  it('shows the same change and band for Somerset on every page that shows them', async () => {
    const seen = {
      scorecard: cellsInRow(await page('/la/933'), ks2.name),
      laMeasure: cellsInRow(await page('/la/933/measure/KS2'), '2025', 'time-series'),
      neighbours: cellsInRow(await page('/la/933/neighbours/KS2'), 'Somerset'),
      region: cellsInRow(await page('/region/990/KS2'), 'Somerset'),
      allLas: cellsInRow(await page('/measure/KS2?la=933'), 'Somerset', 'all-las'),
    };
    const { scorecard } = seen;
    assert.equal(scorecard.change, 'up since 2024 | ▲ 0.0 better | better');
    assert.match(scorecard.band ?? '', /^([A-D]) (best|second|third|weakest) 25% \| band \1$/i);
    for (const [where, cells] of Object.entries(seen)) {
      assert.equal(cells.change, scorecard.change, `change on ${where}`);
      assert.equal(cells.band, scorecard.band, `band on ${where}`);
    }
  });

  it('prints the same change and band in the CLI as the pages show', async () => {
    const band = cellsInRow(await page('/la/933'), ks2.name).band?.[0];
    assert.match(band ?? '', /^[A-D]$/);
    for (const args of [
      ['benchmark', '--measure', 'KS2', '--la', '933'],
      ['scorecard', '--la', '933'],
    ]) {
      const { ctx, out } = testCliContext(db);
      assert.equal(await runCli(args, ctx), 0);
      const line = out()
        .split('\n')
        .find((l) => /Somerset|KS2 reading/.test(l) && l.includes('▲'));
      assert.ok(line, `${args[0]} prints Somerset's row with the change`);
      assert.match(line, /▲ 0\.0 better/);
      assert.match(line, new RegExp(`\\s${band}\\s`));
    }
  });
});
