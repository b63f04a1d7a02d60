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
