import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';
import { runCli } from '../../../src/cli/main.js';
import { testCliContext } from '../../support/cli.js';
import { describeEachDatabase } from '../../support/db.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/ees');

describeEachDatabase('lantern import ees', (db) => {
  it('imports a file and prints a short summary', async () => {
    const { ctx, out } = testCliContext(db());
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
      out(),
      /^Imported valid\.csv with mapping mapping\.yaml \(release \d+\)\.\n {2}test_neet Test NEET \(%\) \(defined\): 4 values for 2023, 1 without a value\nRows: 4 read, 4 used\.\n$/,
    );
  });

  it('reports a missing file with exit code 1, its code and a hint', async () => {
    const { ctx, err } = testCliContext(db());
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
      err(),
      /EES data file not found: .*nope\.csv \[LANTERN_FILE_NOT_FOUND\]\nCheck the path/,
    );
  });
});
