/**
 * Browser-test helpers (test/e2e/*.spec.ts): Debian's chromium through playwright-core, axe
 * with the WCAG 2.2 AA tags, full-page screenshots in test-output/screenshots, and a server on
 * a fresh store (demo data, or the real LAIT files when present).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before } from 'node:test';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Database } from '../../src/core/db.js';
import { loadDemo } from '../../src/demo/demo.service.js';
import { startServer, type RunningServer } from '../../src/web/server.js';
import { freshPglite } from './db.js';

export const executablePath = process.env.LANTERN_CHROMIUM ?? '/usr/bin/chromium';
const haveChromium = fs.existsSync(executablePath);
if (!haveChromium && process.env.CI === 'true') {
  throw new Error(
    `CI=true but chromium is missing at ${executablePath}: install it with apt-get install chromium.`,
  );
}
/** For `describe(name, { skip: browserSkip }, ...)`: false, or why the browser tests skip. */
export const browserSkip: string | false = haveChromium
  ? false
  : `chromium not found at ${executablePath} (apt-get install chromium, or set LANTERN_CHROMIUM)`;

export const screenshotsDir = path.resolve('test-output/screenshots');
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function launchBrowser(): Promise<Browser> {
  fs.mkdirSync(screenshotsDir, { recursive: true });
  return chromium.launch({
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
}

/** A desktop-sized context (AxeBuilder needs a page from `browser.newContext()`). */
export async function newDesktop(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 900 } });
}

/** axe WCAG 2.2 AA violations on the page, one line each (an empty list passes). */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Full-page screenshot at test-output/screenshots/<name>.png, for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: true });
}

/** Photographs the page and checks it with axe: no WCAG 2.2 AA violation. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  assert.deepEqual(await axeViolations(page), [], name);
}

/** The href or text of the focused element. */
export async function focused(page: Page): Promise<{ href: string; text: string; tag: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      href: el?.getAttribute('href') ?? '',
      text: el?.textContent?.trim() ?? '',
      tag: el?.tagName.toLowerCase() ?? '',
    };
  });
}

/** Presses Tab until `match` is focused (at most `limit` times); returns whether it was reached. */
export async function tabUntil(
  page: Page,
  match: (el: { href: string; text: string; tag: string }) => boolean,
  limit = 80,
): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (match(await focused(page))) return true;
  }
  return false;
}

export interface TestSite {
  db: Database;
  server: RunningServer;
  /** Base URL ending in '/'. */
  url: string;
  close(): Promise<void>;
}

/** A server on a fresh PGlite store loaded by `load` (default: the demo data). */
export async function startTestSite(
  load: (db: Database) => Promise<unknown> = loadDemo,
): Promise<TestSite> {
  const db = await freshPglite();
  await load(db);
  const server = await startServer({
    db,
    config: { organisationName: 'Somerset Council', production: true },
    host: '127.0.0.1',
    port: 0,
  });
  return {
    db,
    server,
    url: server.url,
    async close() {
      await server.close();
      await db.close();
    },
  };
}

export interface BrowserSuite {
  site: TestSite;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/**
 * For a describe block: before its tests, a test site (demo data unless `load` says otherwise),
 * chromium, a desktop context and a page, handed to `use`; all closed after the tests.
 */
export function useBrowserSuite(
  use: (suite: BrowserSuite) => void,
  load?: (db: Database) => Promise<unknown>,
): void {
  let suite: Partial<BrowserSuite> = {};
  before(async () => {
    const site = await startTestSite(load);
    const browser = await launchBrowser();
    const context = await newDesktop(browser);
    suite = { site, browser, context, page: await context.newPage() };
    use(suite as BrowserSuite);
  });
  after(async () => {
    await suite.context?.close();
    await suite.browser?.close();
    await suite.site?.close();
  });
}
