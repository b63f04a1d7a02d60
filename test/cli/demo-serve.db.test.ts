import assert from 'node:assert/strict';
import { it } from 'node:test';
import { loadConfig } from '../../src/core/config.js';
import type { Database } from '../../src/core/db.js';
import type { CliContext } from '../../src/cli/context.js';
import { demoCommand } from '../../src/cli/demo.js';
import { serveCommand } from '../../src/cli/serve.js';
import { describeEachDatabase } from '../support/db.js';

function testContext(db: Database, out: string[]): CliContext {
  // The suite owns the database: commands' close() is a no-op here.
  const shared = Object.assign(Object.create(db) as Database, { close: async () => {} });
  return {
    stdout: (t) => out.push(t),
    stderr: (t) => out.push(t),
    config: { ...loadConfig({}), logLevel: 'silent' },
    openDb: async () => shared,
    progress: false,
  };
}

describeEachDatabase('lantern serve and lantern demo', (db) => {
  it('serve loads the demo data into an empty store and answers requests', async () => {
    const out: string[] = [];
    let url = '';
    await serveCommand(testContext(db(), out), {
      port: '0',
      host: '127.0.0.1',
      untilStopped: async () => {
        url = /running at (\S+)/.exec(out.join(''))?.[1] ?? '';
        const res = await fetch(`${url}la/933`);
        assert.equal(res.status, 200);
        assert.match(await res.text(), /This is synthetic demo data, not official statistics/);
      },
    });
    assert.match(out.join(''), /loaded its SYNTHETIC demo data set/);
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    // One account per role, printed once with its password, at the first start only.
    const printed = [...out.join('').matchAll(/^ {2}(\S+@demo\.lantern\.invalid) +(\S+) /gm)];
    assert.equal(printed.length, 6);
    const again: string[] = [];
    await serveCommand(testContext(db(), again), {
      port: '0',
      host: '127.0.0.1',
      untilStopped: async () => {},
    });
    assert.doesNotMatch(again.join(''), /demo\.lantern\.invalid/);
  });

  it('serve runs in production mode by default, in development with dev', async () => {
    for (const dev of [false, true]) {
      const out: string[] = [];
      let answer = { status: 0, body: '' };
      await serveCommand(testContext(db(), out), {
        port: '0',
        host: '127.0.0.1',
        dev,
        untilStopped: async () => {
          const url = /running at (\S+)/.exec(out.join(''))?.[1] ?? '';
          const res = await fetch(`${url}api/v1/measures/NOPE/benchmark`);
          answer = { status: res.status, body: await res.text() };
        },
      });
      assert.equal(answer.status, 404);
      assert.doesNotMatch(answer.body, /stack|\.ts:\d+/);
      assert.equal(/DEVELOPMENT mode/.test(out.join('')), dev);
    }
  });

  it('demo reloads the demo data set and prints a summary', async () => {
    const out: string[] = [];
    await demoCommand(testContext(db(), out));
    assert.match(
      out.join(''),
      /Loaded the SYNTHETIC demo data set \(not official statistics\)\.\n {2}38 measures in 11 topics/,
    );
  });

  it('serve rejects a port that is not a number', async () => {
    await assert.rejects(
      serveCommand(testContext(db(), []), { port: 'abc' }),
      /--port must be a number/,
    );
  });
});
