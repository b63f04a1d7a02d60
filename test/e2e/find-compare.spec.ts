import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  axeViolations,
  browserSkip as skip,
  screenshot,
  tabUntil,
  type TestSite,
  useBrowserSuite,
} from '../support/browser.js';

describe('home search and build-your-own comparison in a browser', { skip }, () => {
  let site: TestSite;
  let page: Page;
  useBrowserSuite((s) => ({ site, page } = s));

  it('finds no axe violations on the search results', async () => {
    await page.goto(`${site.url}?q=persistant%20absense`);
    await screenshot(page, 'home-search-measures');
    assert.deepEqual(await axeViolations(page), []);
  });

  it('searches, submits with Enter and follows a result with the keyboard only', async () => {
    await page.goto(site.url);
    assert.ok(await tabUntil(page, (el) => el.tag === 'input'));
    await page.keyboard.type('Somersett');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?q=Somersett/);
    assert.ok(await tabUntil(page, (el) => el.href === '/la/933'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/la\/933$/);
    await page.goto(site.url);
    await screenshot(page, 'home-recently-viewed');
    assert.match(await page.locator('#recent + ul').innerText(), /Somerset/);
    assert.deepEqual(await axeViolations(page), []);
  });

  it('finds no axe violations on the empty compare form', async () => {
    await page.goto(`${site.url}compare`);
    await screenshot(page, 'compare-form');
    assert.deepEqual(await axeViolations(page), []);
  });

  /** Presses Tab until the element with this id (or, with `prefix`, an id starting with it) has focus. */
  async function tabTo(id: string, prefix = false, limit = 250): Promise<void> {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      const active = await page.evaluate(() => document.activeElement?.id ?? '');
      if (prefix ? active.startsWith(id) : active === id) return;
    }
    assert.fail(`Tab never reached #${id}`);
  }

  it('builds a comparison with the keyboard only', async () => {
    await page.goto(`${site.url}compare`);
    // A saved set of two LAs, typed into the set's box.
    await tabTo('setlas');
    await page.keyboard.type('933, 343');
    // Words for a measure, then Enter: the form's first button, "Find measures", lists matches.
    await tabTo('mq');
    await page.keyboard.type('ks2 readng');
    await page.keyboard.press('Enter');
    await page.waitForURL(/find=1/);
    // Tick the first measure found with the space bar, then "Show comparison".
    await tabTo('measure-found', true);
    await page.keyboard.press('Space');
    assert.ok(await tabUntil(page, (el) => el.text === 'Show comparison', 150));
    await page.keyboard.press('Enter');
    await page.waitForSelector('table');
    assert.equal(await page.locator('table').count(), 1);
    assert.match(await page.locator('table').innerText(), /Somerset[\s\S]*Sefton/);
    await screenshot(page, 'compare-result');
    assert.deepEqual(await axeViolations(page), []);
  });

  it('finds no axe violations on a comparison with errors', async () => {
    await page.goto(`${site.url}compare?la=999&measure=NOPE`);
    await screenshot(page, 'compare-errors');
    assert.deepEqual(await axeViolations(page), []);
  });
});
