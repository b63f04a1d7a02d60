import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Database } from '../../src/core/db.js';
import { loadDemo } from '../../src/demo/demo.service.js';
import { startServer, type RunningServer } from '../../src/web/server.js';
import { freshPglite } from '../support/db.js';

const executablePath = process.env.LANTERN_CHROMIUM ?? '/usr/bin/chromium';
const haveChromium = fs.existsSync(executablePath);
if (!haveChromium && process.env.CI === 'true') {
  throw new Error(
    `CI=true but chromium is missing at ${executablePath}: install it with apt-get install chromium.`,
  );
}
const skip = haveChromium
  ? false
  : `chromium not found at ${executablePath} (apt-get install chromium, or set LANTERN_CHROMIUM)`;
const screenshots = path.resolve('test-output/screenshots');
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

describe('scorecard in a browser', { skip }, () => {
  let db: Database;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    db = await freshPglite();
    await loadDemo(db);
    server = await startServer({
      db,
      config: { organisationName: 'Somerset Council', production: true },
      host: '127.0.0.1',
      port: 0,
    });
    browser = await chromium.launch({
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    fs.mkdirSync(screenshots, { recursive: true });
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  async function axeViolations() {
    const result = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
    return result.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  }

  it('finds no axe violations on the home page', async () => {
    await page.goto(server.url);
    await page.screenshot({ path: path.join(screenshots, 'home.png'), fullPage: true });
    assert.deepEqual(await axeViolations(), []);
  });

  it('reaches the skip link first and then the LA links with the keyboard', async () => {
    await page.goto(server.url);
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
    await page.goto(`${server.url}la/933`);
    assert.match(
      await page.locator('.govuk-notification-banner').innerText(),
      /synthetic demo data, not official statistics/i,
    );
    await page.screenshot({ path: path.join(screenshots, 'scorecard-933.png'), fullPage: true });
    assert.deepEqual(await axeViolations(), []);
  });

  it('finds no axe violations on a search result and the 404 page', async () => {
    await page.goto(`${server.url}?q=north`);
    await page.screenshot({ path: path.join(screenshots, 'home-search.png'), fullPage: true });
    assert.deepEqual(await axeViolations(), []);
    await page.goto(`${server.url}la/999`);
    await page.screenshot({ path: path.join(screenshots, 'not-found.png'), fullPage: true });
    assert.deepEqual(await axeViolations(), []);
  });

  it('renders a narrow scorecard for a phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const p = await phone.newPage();
    await p.goto(`${server.url}la/343`);
    await p.screenshot({ path: path.join(screenshots, 'scorecard-343-phone.png'), fullPage: true });
    await phone.close();
  });
});
