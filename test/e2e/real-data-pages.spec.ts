import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { importLait } from '../../src/sources/lait/lait.import.js';
import {
  axeViolations,
  browserSkip,
  screenshot,
  type TestSite,
  useBrowserSuite,
} from '../support/browser.js';
import { realData } from '../support/real-data.js';

const lait = realData('lait');
const ks2 = 'KS2RWM_Expected_STD';

/** Every page template, on the DfE's real LAIT data (434 measures), checked with axe (WCAG 2.2 AA). */
const pages: [name: string, path: string][] = [
  ['home', ''],
  ['search', '?q=persistant%20absense'],
  ['scorecard', 'la/933'],
  ['scorecard-topic', 'la/933?topic=Key%20Stage%202'],
  ['la-measure', `la/933/measure/${ks2}`],
  ['neighbours-2025', `la/933/neighbours/${ks2}`],
  ['neighbours-2021', `la/933/neighbours/${ks2}?set=2021`],
  ['region', `region/990/${ks2}`],
  ['all-las', `measure/${ks2}?la=933`],
  ['compare', `compare?la=933&la=343&la=823&measure=${ks2}&measure=TotPerAbNew`],
  ['methods', 'methods'],
  ['about', 'about'],
  ['not-found', 'la/999'],
  ['bad-year', `measure/${ks2}?year=1999`],
];

describe('every page template on the real LAIT data', { skip: browserSkip || lait.skip }, () => {
  let site: TestSite;
  let context: BrowserContext;
  let page: Page;
  useBrowserSuite(
    (s) => ({ site, context, page } = s),
    (db) => importLait(db, lait.path),
  );

  for (const [name, path] of pages) {
    it(`finds no axe violations on the ${name} page with real data`, async () => {
      await page.goto(`${site.url}${path}`);
      await screenshot(page, `real-${name}`);
      assert.deepEqual(await axeViolations(page), []);
    });
  }

  it('shows Somerset in band D, rank 136 of 151, with its neighbours and the cut points', async () => {
    await page.goto(`${site.url}measure/${ks2}?la=933`);
    const text = await page.locator('main').innerText();
    assert.match(text, /Somerset: 57\.0, rank 136 of 151, band D/);
    assert.match(text, /60\.0/);
    assert.match(text, /66\.0/);
    await page.goto(`${site.url}la/933/neighbours/${ks2}`);
    assert.match(await page.locator('main').innerText(), /60\.1 from 10 of 10 neighbours/);
  });

  it('gives a colleague opening a shared URL the same view', async () => {
    const url = `${site.url}measure/${ks2}?la=933&year=2024&sort=rank&order=asc`;
    await page.goto(url);
    const first = await page.locator('main').innerText();
    const colleague = await context.browser()!.newContext();
    const other = await colleague.newPage();
    await other.goto(url);
    assert.equal(await other.locator('main').innerText(), first);
    await colleague.close();
  });
});
