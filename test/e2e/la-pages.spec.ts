import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  browserSkip as skip,
  focused,
  screenshot,
  tabUntil,
  type TestSite,
  useBrowserSuite,
} from '../support/browser.js';

describe('scorecard, LA-measure and methods pages in a browser', { skip }, () => {
  let site: TestSite;
  let browser: Browser;
  let page: Page;
  useBrowserSuite((s) => ({ site, browser, page } = s));

  it('finds no axe violations on a scorecard filtered to one topic', async () => {
    await page.goto(`${site.url}la/933?topic=Key%20stage%202`);
    await screenshot(page, 'scorecard-933-ks2');
    assert.deepEqual(await axeViolations(page), []);
  });

  it("draws each row's sparkline beside its value, hidden from assistive technology", async () => {
    await page.goto(`${site.url}la/933`);
    const row = page.locator('tr', { has: page.locator('a[href="/la/933/measure/DEMO_KS2_RWM"]') });
    const line = row.locator('td:nth-child(3) svg.lantern-sparkline');
    await line.waitFor();
    assert.equal(await line.getAttribute('aria-hidden'), 'true');
    assert.match((await line.locator('path').getAttribute('d'))!, /^(M\d+ \d+( \d+ \d+)*)+$/);
    assert.equal(await line.locator('circle').count(), 1);
    const rows = await page.locator('tbody tr').count();
    const lines = await page.locator('tbody td:nth-child(3) svg.lantern-sparkline').count();
    assert.ok(lines > rows / 2, `${lines} sparklines in ${rows} rows`);
    assert.deepEqual(await axeViolations(page), []);
  });

  it('shows every figure of the scorecard without JavaScript, only without sparklines', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    try {
      const p = await noScript.newPage();
      await p.goto(`${site.url}la/933`);
      assert.ok((await p.locator('tbody tr').count()) > 5);
      assert.equal(await p.locator('svg.lantern-sparkline').count(), 0);
      assert.match(await p.locator('tbody tr').first().innerText(), /\d/);
    } finally {
      await noScript.close();
    }
  });

  it('finds no axe violations on the LA-measure page', async () => {
    await page.goto(`${site.url}la/933/measure/DEMO_KS2_RWM`);
    await screenshot(page, 'la-measure-933-ks2');
    assert.deepEqual(await axeViolations(page), []);
  });

  it('finds no axe violations on the methods page and the unknown-year page', async () => {
    await page.goto(`${site.url}methods`);
    await screenshot(page, 'methods');
    assert.deepEqual(await axeViolations(page), []);
    await page.goto(`${site.url}la/933/measure/DEMO_KS2_RWM?year=1999`);
    await screenshot(page, 'la-measure-bad-year');
    assert.deepEqual(await axeViolations(page), []);
  });

  it('filters the scorecard by topic and reaches a measure link with the keyboard only', async () => {
    await page.goto(`${site.url}la/933`);
    assert.ok(await tabUntil(page, (el) => el.tag === 'select'), 'reached the topic select');
    await page.keyboard.press('ArrowDown');
    assert.ok(await tabUntil(page, (el) => el.text === 'Show', 5), 'reached the Show button');
    await Promise.all([page.waitForURL(/topic=/), page.keyboard.press('Enter')]);
    assert.match(page.url(), /\/la\/933\?topic=/);
    assert.ok(
      await tabUntil(page, (el) => /^\/la\/933\/measure\//.test(el.href)),
      'reached a measure link',
    );
    const link = await focused(page);
    await Promise.all([page.waitForURL(/\/measure\//), page.keyboard.press('Enter')]);
    assert.ok(page.url().endsWith(link.href));
  });

  it('renders the LA-measure page on a phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const p = await phone.newPage();
    await p.goto(`${site.url}la/933/measure/DEMO_KS2_RWM`);
    await screenshot(p, 'la-measure-933-phone');
    await phone.close();
  });
});
