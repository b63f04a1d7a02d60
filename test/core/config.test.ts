import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import { loadConfig } from '../../src/core/config.js';

it('loads defaults from an empty environment', () => {
  const c = loadConfig({});
  assert.equal(c.dataDir, path.resolve('.lantern'));
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.port, 3000);
});

it('treats an empty DATABASE_URL as not set', () => {
  assert.equal(loadConfig({ DATABASE_URL: '' }).databaseUrl, undefined);
});

it('rejects a DATABASE_URL that is not postgres, naming the setting', () => {
  assert.throws(
    () => loadConfig({ DATABASE_URL: 'mysql://x' }),
    /DATABASE_URL: must start with postgres/,
  );
});

it('rejects a port that is not a number', () => {
  assert.throws(() => loadConfig({ PORT: 'abc' }), /PORT/);
});

it('reads the pages to warm as a comma-separated list of paths', () => {
  assert.deepEqual(loadConfig({}).warmPaths, []);
  assert.deepEqual(loadConfig({ LANTERN_WARM_PATHS: '/la/933, /measure/KS2' }).warmPaths, [
    '/la/933',
    '/measure/KS2',
  ]);
  assert.throws(() => loadConfig({ LANTERN_WARM_PATHS: 'la/933' }), /LANTERN_WARM_PATHS/);
});

it('reads the cache size in MB, 256 unless set, refusing what is not a whole number', () => {
  assert.equal(loadConfig({}).cacheMb, 160);
  assert.equal(loadConfig({ LANTERN_CACHE_MB: '64' }).cacheMb, 64);
  assert.throws(() => loadConfig({ LANTERN_CACHE_MB: 'lots' }), /LANTERN_CACHE_MB/);
  assert.throws(() => loadConfig({ LANTERN_CACHE_MB: '0' }), /LANTERN_CACHE_MB/);
});

it('keeps the statistics open unless LANTERN_PUBLIC_ACCESS=signed-in', () => {
  assert.equal(loadConfig({}).publicAccess, 'open');
  assert.equal(loadConfig({ LANTERN_PUBLIC_ACCESS: 'open' }).publicAccess, 'open');
  assert.equal(loadConfig({ LANTERN_PUBLIC_ACCESS: 'signed-in' }).publicAccess, 'signed-in');
  assert.throws(() => loadConfig({ LANTERN_PUBLIC_ACCESS: 'closed' }), /LANTERN_PUBLIC_ACCESS/);
});

it('reads the session secret, SMTP server and proxy setting, refusing weak or odd ones', () => {
  assert.equal(loadConfig({}).sessionSecret, undefined);
  assert.throws(
    () => loadConfig({ LANTERN_SESSION_SECRET: 'short' }),
    /LANTERN_SESSION_SECRET: must be at least 32 characters/,
  );
  assert.equal(loadConfig({}).smtpUrl, undefined);
  assert.equal(
    loadConfig({ LANTERN_SMTP_URL: 'smtp://u:p@mail.example.org:587' }).smtpUrl,
    'smtp://u:p@mail.example.org:587',
  );
  assert.throws(() => loadConfig({ LANTERN_SMTP_URL: 'mail.example.org' }), /LANTERN_SMTP_URL/);
  assert.equal(loadConfig({}).trustProxy, 0);
  assert.equal(loadConfig({ LANTERN_TRUST_PROXY: '1' }).trustProxy, 1);
  assert.equal(loadConfig({ LANTERN_TRUST_PROXY: 'true' }).trustProxy, 1);
  assert.throws(() => loadConfig({ LANTERN_TRUST_PROXY: 'yes' }), /LANTERN_TRUST_PROXY/);
});

it('runs in production unless development is asked for by LANTERN_ENV', () => {
  assert.equal(loadConfig({}).production, true);
  assert.equal(loadConfig({ NODE_ENV: 'development' }).production, true);
  assert.equal(loadConfig({ LANTERN_ENV: 'production' }).production, true);
  assert.equal(loadConfig({ LANTERN_ENV: 'development' }).production, false);
  assert.throws(() => loadConfig({ LANTERN_ENV: 'dev' }), /LANTERN_ENV/);
});

it('reads the OpenID Connect provider, needing its issuer, client id and secret together', () => {
  assert.equal(loadConfig({}).oidc, undefined);
  const entra = 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0';
  assert.deepEqual(
    loadConfig({
      LANTERN_OIDC_ISSUER: entra,
      LANTERN_OIDC_CLIENT_ID: 'lantern',
      LANTERN_OIDC_CLIENT_SECRET: 's3cret',
    }).oidc,
    {
      issuer: entra,
      clientId: 'lantern',
      clientSecret: 's3cret',
      name: "your organisation's account",
    },
  );
  assert.throws(
    () => loadConfig({ LANTERN_OIDC_ISSUER: entra }),
    /LANTERN_OIDC_CLIENT_ID, LANTERN_OIDC_CLIENT_SECRET: missing/,
  );
  const both = { LANTERN_OIDC_CLIENT_ID: 'lantern', LANTERN_OIDC_CLIENT_SECRET: 's3cret' };
  assert.equal(
    loadConfig({ ...both, LANTERN_OIDC_ISSUER: 'http://127.0.0.1:4000' }).oidc?.issuer,
    'http://127.0.0.1:4000',
  );
  assert.throws(
    () => loadConfig({ ...both, LANTERN_OIDC_ISSUER: 'http://idp.example.org' }),
    /LANTERN_OIDC_ISSUER: must be an https:\/\/ address/,
  );
});
