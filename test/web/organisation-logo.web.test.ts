import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../src/core/db.js';
import type { LanternError } from '../../src/core/errors.js';
import { buildApp } from '../../src/web/app.js';
import { freshPglite } from '../support/db.js';

describe('organisation name and logo in the header', () => {
  let db: Database;
  const logo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-logo-')), 'council.svg');
  fs.writeFileSync(logo, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');

  before(async () => {
    db = await freshPglite();
  });
  after(async () => {
    await db.close();
  });

  it('shows the configured logo and name and serves the logo', async () => {
    const app = await buildApp({
      db,
      config: { organisationName: 'Somerset Council', organisationLogo: logo, production: true },
    });
    const page = await app.inject('/methods');
    assert.match(
      page.body,
      /<img class="lantern-header__logo" src="\/organisation-logo" alt="">\s*Somerset Council/,
    );
    const image = await app.inject('/organisation-logo');
    assert.equal(image.statusCode, 200);
    assert.equal(image.headers['content-type'], 'image/svg+xml');
  });

  it('refuses to start with a logo file that does not exist, naming the setting', async () => {
    await assert.rejects(
      buildApp({
        db,
        config: { organisationName: 'X', organisationLogo: '/nope/logo.png', production: true },
      }),
      (e: LanternError) =>
        e.code === 'LANTERN_CONFIG_INVALID' && /LANTERN_ORGANISATION_LOGO/.test(e.message),
    );
  });
});
