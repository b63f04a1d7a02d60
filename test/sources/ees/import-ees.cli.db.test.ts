import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';
import { loadConfig } from '../../../src/core/config.js';
import type { Database } from '../../../src/core/db.js';
import { runCli } from '../../../src/cli/main.js';
import type { CliContext } from '../../../src/cli/context.js';
import { describeEachDatabase } from '../../support/db.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/ees');

function context(db: Database) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    config: loadConfig({}),
    openDb: async () => Object.assign(Object.create(db) as Database, { close: async () => {} }),
    progress: false,
  };
  return { ctx, out, err };
}

describeEachDatabase('lantern import ees', (db) => {
  it('imports a file and prints a short summary', async () => {
    const { ctx, out } = context(db());
    const code = await runCli(
      [
        'import',
        'ees',
        path.join(fixtures, 'valid.csv'),
        '--mapping',
        path.join(fixtures, 'mapping.yaml'),
      ],
      ctx,
    );
    assert.equal(code, 0);
    assert.match(
      out.join(''),
      /^Imported valid\.csv with mapping mapping\.yaml \(release \d+\)\.\n {2}test_neet Test NEET \(%\) \(defined\): 4 values for 2023, 1 without a value\nRows: 4 read, 4 used\.\n$/,
    );
  });

  it('reports a missing file with exit code 1, its code and a hint', async () => {
    const { ctx, err } = context(db());
    const code = await runCli(
      [
        'import',
        'ees',
        path.join(fixtures, 'nope.csv'),
        '--mapping',
        path.join(fixtures, 'mapping.yaml'),
      ],
      ctx,
    );
    assert.equal(code, 1);
    assert.match(
      err.join(''),
      /EES data file not found: .*nope\.csv \[LANTERN_FILE_NOT_FOUND\]\nCheck the path/,
    );
  });
});
