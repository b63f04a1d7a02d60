import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { inviteUser } from '../../src/access/users.service.js';
import { strategies } from '../../src/strategy/strategy.service.js';
import {
  checkPage,
  browserSkip as skip,
  type TestSite,
  useBrowserSuite,
} from '../support/browser.js';

const password = 'four words make a password';

/**
 * The strategy tracker on the demo copy of Somerset's strategy, used as an LA officer would:
 * the overview, a target, the action tracker, updating an action through the form, the board
 * report. Every page checked with axe and photographed.
 */
describe('strategy pages in a browser', { skip }, () => {
  let site: TestSite;
  let page: Page;
  let base = '';
  useBrowserSuite((s) => ({ site, page } = s));

  const check = (name: string) => checkPage(page, name);

  it('signs an officer in and shows the strategy overview', async () => {
    const id = (await strategies(site.db)).find((s) => s.laCode === 933 && s.demo)!.id;
    base = `${site.url}la/933/strategies/${id}`;
    const { token } = await inviteUser(
      site.db,
      { id: null, label: 'test' },
      {
        email: 'officer@example.org',
        role: 'la_officer',
        laCodes: [933],
        displayName: 'Sam Officer',
      },
    );
    await page.goto(`${site.url}invitation/${token}`);
    await page.getByLabel('New password', { exact: true }).fill(password);
    await page.getByLabel('Type the new password again').fill(password);
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.waitForURL(/\/account/);
    await page.goto(`${site.url}la/933/strategies`);
    await check('strategy-list');
    await page.goto(base);
    assert.match(await page.locator('h1').innerText(), /\(demo copy\)/);
    assert.ok((await page.locator('.lantern-rag').count()) > 5);
    await check('strategy-overview');
  });

  it('opens a target from the overview, with its chart and table', async () => {
    await page
      .locator(
        'table[id^="targets-"] tr:has(.lantern-rag--red, .lantern-rag--green, .lantern-rag--amber) a',
      )
      .first()
      .click();
    await page.waitForSelector('#figures');
    await check('strategy-target');
  });

  it('filters the action tracker and updates an action through the form', async () => {
    await page.goto(`${base}/actions`);
    await check('strategy-actions');
    await page.locator('#actions tbody a').first().click();
    await page.waitForSelector('h2#add-update');
    await page.getByRole('button', { name: 'Save update' }).click();
    await page.waitForSelector('.govuk-error-summary');
    await check('strategy-action-errors');
    await page.getByLabel('At risk').check();
    await page.getByLabel('What has happened since the last update').fill('Two schools withdrew.');
    await page.getByRole('button', { name: 'Save update' }).click();
    await page.waitForURL(/\?saved=yes$/);
    assert.match(await page.locator('main').innerText(), /Two schools withdrew\./);
    await check('strategy-action');
  });

  it('shows a priority on its own page, the edit page and the publishing step', async () => {
    await page.goto(base);
    await page
      .getByRole('link', { name: /targets, actions and risks on one page/ })
      .first()
      .click();
    await page.waitForSelector('h2:has-text("Actions")');
    await check('strategy-priority');
    await page.goto(`${base}/edit`);
    await page.waitForSelector('textarea#strategy-text');
    await check('strategy-edit');
    // Somerset's demo copy is published: withdraw it, then publish it again through the step.
    await page.goto(base);
    await page.getByRole('button', { name: 'Withdraw from the public' }).click();
    await page.waitForSelector('text=Withdrawn: only');
    await page.getByRole('button', { name: 'Publish this strategy' }).click();
    await page.waitForSelector('text=They will not see its risks');
    await check('strategy-publish-confirm');
    await page.getByRole('button', { name: 'Yes, publish it' }).click();
    await page.waitForSelector('text=Published: anyone can now read');
  });

  it('shows the board report, and prints it without the controls', async () => {
    await page.goto(`${base}/report?date=2026-06-01`);
    assert.match(await page.locator('h1').innerText(), /board monitoring report, 1 June 2026/);
    await check('strategy-board-report');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.lantern-report-controls:visible').count(), 0);
    await page.emulateMedia({ media: 'screen' });
  });

  it('drafts, approves and issues the report, then shows the issued edition', async () => {
    // The demo copies name no lead, so any LA officer of the LA approves and issues.
    await page.locator('.govuk-details__summary').first().click();
    await page.getByLabel('Commentary for the board').first().fill('Most schools improved.');
    await page.getByRole('button', { name: 'Save draft' }).first().click();
    await page.waitForSelector('text=Draft, not yet approved');
    await page.locator('.govuk-details__summary').first().click();
    await check('strategy-report-draft');
    await page.getByRole('button', { name: 'Approve this commentary' }).click();
    await page.getByRole('button', { name: /Issue the report for/ }).click();
    await page.waitForSelector('text=An issued edition never changes');
    await check('strategy-report-confirm');
    await page.getByRole('button', { name: 'Yes, issue the report' }).click();
    const banner = page.getByRole('region', { name: 'Issued edition' });
    assert.match(await banner.innerText(), /It never changes/);
    await check('strategy-report-edition');
  });
});
