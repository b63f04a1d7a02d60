import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createAdministrator } from '../../src/access/users.service.js';
import {
  checkPage,
  browserSkip as skip,
  type TestSite,
  useBrowserSuite,
} from '../support/browser.js';

const password = 'four words make a password';

/** Signing in, the account page and the administration pages, used as a person would. */
describe('sign-in, account and administration pages in a browser', { skip }, () => {
  let site: TestSite;
  let page: Page;
  useBrowserSuite((s) => ({ site, page } = s));

  const check = (name: string) => checkPage(page, name);

  it('accepts an invitation and lands on the account page', async () => {
    const { token } = await createAdministrator(
      site.db,
      { id: null, label: 'test' },
      {
        email: 'admin@example.org',
        displayName: 'Ada Admin',
      },
    );
    await page.goto(`${site.url}invitation/${token}`);
    await check('access-invitation');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.waitForSelector('.govuk-error-summary');
    await check('access-invitation-errors');
    await page.getByLabel('New password', { exact: true }).fill(password);
    await page.getByLabel('Type the new password again').fill(password);
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.waitForURL(/\/account\?notice=welcome$/);
    assert.match(await page.locator('h1').innerText(), /Your account/);
    await check('access-account');
  });

  it('invites a user and shows the link to pass on', async () => {
    await page.goto(`${site.url}admin/users`);
    await check('access-users');
    await page.getByRole('button', { name: 'Invite a user' }).click();
    await page.getByRole('button', { name: 'Make invitation link' }).click();
    await page.waitForSelector('.govuk-error-summary');
    await check('access-invite-errors');
    await page.getByLabel('E-mail address').fill('officer@example.org');
    await page.getByLabel('LA officer').check();
    await page.getByLabel('Local authorities').fill('933');
    await page.getByRole('button', { name: 'Make invitation link' }).click();
    await page.waitForSelector('code');
    assert.match(await page.locator('code').innerText(), /\/invitation\//);
    await check('access-user-link');
  });

  it('shows the audit log and filters it', async () => {
    await page.goto(`${site.url}admin/audit?action=user-invited`);
    await check('access-audit');
    assert.match(await page.locator('table').innerText(), /user-invited/);
  });

  it('signs out, and asks to sign in for the account page', async () => {
    await page.goto(`${site.url}account`);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(site.url);
    await page.goto(`${site.url}account`);
    await check('access-sign-in-needed');
    await page.getByRole('link', { name: 'Sign in' }).last().click();
    await page.waitForURL(/\/sign-in\?next=%2Faccount$/);
    await page.getByLabel('E-mail address').fill('admin@example.org');
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForSelector('.govuk-error-summary');
    await check('access-sign-in-wrong');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/account$/);
  });

  it('offers a password reset that needs no e-mail to be set up', async () => {
    await page.goto(`${site.url}password-reset`);
    await check('access-password-reset');
  });
});
