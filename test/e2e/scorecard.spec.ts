import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations as axe,
  browserSkip as skip,
  screenshot,
  type TestSite,
  useBrowserSuite,
} from '../support/browser.js';

describe('scorecard in a browser', { skip }, () => {
  let site: TestSite;
  let browser: Browser;
  let page: Page;
  useBrowserSuite((s) => ({ site, browser, page } = s));

  const axeViolations = () => axe(page);

  it('finds no axe violations on the home page', async () => {
    await page.goto(site.url);
    await screenshot(page, 'home');
    assert.deepEqual(await axeViolations(), []);
  });

  it('reaches the skip link first and then the LA links with the keyboard', async () => {
    await page.goto(site.url);
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent?.trim()),
      'Skip to main content',
    );
    const seen: string[] = [];
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab');
      seen.push(
        await page.evaluate(
          () => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href') ?? '',
        ),
      );
    }
    assert.ok(
      seen.some((href) => /^\/la\/\d{3}$/.test(href)),
      `focus went to ${seen.join(' ')}`,
    );
  });

  it('finds no axe violations on a scorecard and shows the demo banner', async () => {
    await page.goto(`${site.url}la/933`);
    assert.match(
      await page.locator('.govuk-notification-banner').innerText(),
      /synthetic demo data, not official statistics/i,
    );
    await screenshot(page, 'scorecard-933');
    assert.deepEqual(await axeViolations(), []);
  });

  it('finds no axe violations on a search result and the 404 page', async () => {
    await page.goto(`${site.url}?q=north`);
    await screenshot(page, 'home-search');
    assert.deepEqual(await axeViolations(), []);
    await page.goto(`${site.url}la/999`);
    await screenshot(page, 'not-found');
    assert.deepEqual(await axeViolations(), []);
  });

  it('renders a narrow scorecard for a phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const p = await phone.newPage();
    await p.goto(`${site.url}la/343`);
    await screenshot(p, 'scorecard-343-phone');
    await phone.close();
  });
});
