import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  browserSkip as skip,
  screenshot,
  type TestSite,
  useBrowserSuite,
} from '../support/browser.js';

/** The demo's schools: URN 900000 + LA × 100 + school number (src/demo/demo-school-register.ts). */
const demoPrimary = 993301;

describe('school pages in a browser (demo schools)', { skip }, () => {
  let site: TestSite;
  let browser: Browser;
  let page: Page;
  useBrowserSuite((s) => ({ site, browser, page } = s));

  it("finds no axe violations on a school's profile, at desktop and phone widths", async () => {
    await page.goto(`${site.url}school/${demoPrimary}`);
    await screenshot(page, 'school-profile');
    assert.deepEqual(await axeViolations(page), []);
    await page.setViewportSize({ width: 375, height: 800 });
    await screenshot(page, 'school-profile-375');
    assert.deepEqual(await axeViolations(page), []);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("finds no axe violations on the LA's schools list, filtered and sorted", async () => {
    await page.goto(`${site.url}la/933/schools?phase=Primary&sort=ks2%3APTRWM_EXP`);
    await screenshot(page, 'la-schools-933');
    assert.deepEqual(await axeViolations(page), []);
    assert.ok((await page.locator('#schools tbody tr').count()) > 0);
  });

  it('finds no axe violations on a family of similar schools', async () => {
    await page.goto(`${site.url}school/${demoPrimary}/family`);
    await screenshot(page, 'school-family');
    assert.deepEqual(await axeViolations(page), []);
  });

  it('filters the schools list without JavaScript', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    try {
      const p = await noScript.newPage();
      await p.goto(`${site.url}la/933/schools`);
      await p.selectOption('#phase', 'Primary');
      await Promise.all([
        p.waitForURL(/phase=Primary/),
        p.click('button:has-text("Show schools")'),
      ]);
      const phases = await p.locator('#schools tbody tr td:nth-child(3)').allInnerTexts();
      assert.ok(phases.length > 0 && phases.every((t) => t.trim() === 'Primary'));
    } finally {
      await noScript.close();
    }
  });
});
