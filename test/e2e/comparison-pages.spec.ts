import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  browserSkip,
  focused,
  screenshot,
  tabUntil,
  type TestSite,
  useBrowserSuite,
} from '../support/browser.js';

const measure = 'DEMO_KS2_RWM';

describe('neighbours, region and all-LAs pages in a browser', { skip: browserSkip }, () => {
  let site: TestSite;
  let browser: Browser;
  let page: Page;
  useBrowserSuite((s) => ({ site, browser, page } = s));

  it('finds no axe violations on the neighbours page', async () => {
    await page.goto(`${site.url}la/933/neighbours/${measure}`);
    await screenshot(page, 'neighbours-933');
    assert.deepEqual(await axeViolations(page), []);
  });

  it('changes the year on the neighbours page with the keyboard only', async () => {
    await page.goto(`${site.url}la/933/neighbours/${measure}`);
    assert.ok(await tabUntil(page, (el) => el.tag === 'select'));
    await page.keyboard.press('ArrowDown'); // 2025 -> 2024
    assert.ok(await tabUntil(page, (el) => el.tag === 'button'));
    await Promise.all([page.waitForURL(/year=2024/), page.keyboard.press('Enter')]);
    assert.match(page.url(), /set=demo&year=2024/);
    assert.match(await page.locator('h1').innerText(), /2024/);
  });

  it('finds no axe violations on the region page', async () => {
    await page.goto(`${site.url}region/986/${measure}`);
    await screenshot(page, 'region-986');
    assert.deepEqual(await axeViolations(page), []);
  });

  it('finds no axe violations on the all-LAs page with an LA marked', async () => {
    await page.goto(`${site.url}measure/${measure}?la=933`);
    await screenshot(page, 'all-las-933');
    assert.deepEqual(await axeViolations(page), []);
  });

  it('sorts the all-LAs table by value with the keyboard', async () => {
    await page.goto(`${site.url}measure/${measure}?la=933`);
    assert.ok(await tabUntil(page, (el) => /sort=value/.test(el.href), 400));
    await Promise.all([page.waitForURL(/sort=value/), page.keyboard.press('Enter')]);
    assert.match(page.url(), /la=933&sort=value&order=desc/);
    assert.equal(await page.locator('#all-las th[aria-sort="descending"]').count(), 1);
    assert.equal((await focused(page)).tag, 'body');
  });

  it('finds no axe violations on a 400 page', async () => {
    const res = await page.goto(`${site.url}measure/${measure}?year=1999`);
    assert.equal(res?.status(), 400);
    assert.deepEqual(await axeViolations(page), []);
  });

  it('renders the neighbours page on a phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const p = await phone.newPage();
    await p.goto(`${site.url}la/933/neighbours/${measure}`);
    await screenshot(p, 'neighbours-933-phone');
    await phone.close();
  });
});
