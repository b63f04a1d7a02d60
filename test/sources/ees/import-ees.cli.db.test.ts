import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
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

  const importArgs = (csv: string, mappingFile = 'mapping.yaml', ...more: string[]) => [
    'import',
    'ees',
    path.join(fixtures, csv),
    '--mapping',
    path.join(fixtures, mappingFile),
    ...more,
  ];

  it('counts the rows it skipped by reason in the summary', async () => {
    const { ctx, out } = testCliContext(db());
    const code = await runCli(
      importArgs('other-levels-and-filters.csv', 'age-filter-mapping.yaml'),
      ctx,
    );
    assert.equal(code, 0);
    assert.match(
      out(),
      /\nRows: 5 read, 2 used\.\nSkipped: 1 row at other geographic levels \(Local authority district\), 2 rows with filter Age=18\.\n$/,
    );
  });

  it('refuses a file with fewer areas than the store with exit code 1, saying what and how many', async () => {
    const { ctx, err } = testCliContext(db());
    const code = await runCli(importArgs('fewer-areas.csv'), ctx);
    assert.equal(code, 1);
    assert.match(
      err(),
      /^fewer-areas\.csv would remove 2 values the store holds, so nothing was imported:\n {2}- test_neet 2023: 2 areas in the file, 4 in the store; 2 would be removed .*\[LANTERN_IMPORT_WOULD_REMOVE\]\n.*--replace/s,
    );
  });

  it('imports it with --replace and lists what was removed', async () => {
    const { ctx, out } = testCliContext(db());
    const code = await runCli(importArgs('fewer-areas.csv', 'mapping.yaml', '--replace'), ctx);
    assert.equal(code, 0);
    assert.match(
      out(),
      /test_neet Test NEET \(%\) \(defined\): 2 values for 2023, replacing 4 \(2 areas removed\)\n.*\nRemoved \(--replace\):\n {2}- test_neet 2023: 2 areas in the file, 4 in the store; 2 removed/s,
    );
  });

  it('answers a YAML alias bomb with the mapping problem, not a crash', async () => {
    const { ctx, err } = testCliContext(db());
    const code = await runCli(importArgs('valid.csv', 'alias-bomb-mapping.yaml'), ctx);
    assert.equal(code, 1);
    assert.doesNotMatch(err(), /Lantern failed|ReferenceError|\n\s+at /);
    assert.match(
      err(),
      /alias-bomb-mapping\.yaml: uses YAML aliases .*\[LANTERN_MAPPING_INVALID\]/s,
    );
  });

  it('refuses a mapping whose measure code is "constructor" with exit code 1, naming the entry and field', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-ees-cli-'));
    const mappingFile = path.join(dir, 'constructor.yaml');
    fs.writeFileSync(
      mappingFile,
      fs
        .readFileSync(path.join(fixtures, 'mapping.yaml'), 'utf8')
        .replace('code: test_neet', 'code: constructor'),
    );
    try {
      const { ctx, out, err } = testCliContext(db());
      const code = await runCli(
        ['import', 'ees', path.join(fixtures, 'valid.csv'), '--mapping', mappingFile],
        ctx,
      );
      assert.equal(code, 1);
      assert.equal(out(), '');
      assert.match(
        err(),
        /constructor\.yaml, entry 1 \(NEET_percent\), field "measure\.code": expected a measure code .*got "constructor": every JavaScript object has a property of that name.*\[LANTERN_MAPPING_INVALID\]/s,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says a 0-byte file is empty', async () => {
    const { ctx, err } = testCliContext(db());
    const code = await runCli(importArgs('empty.csv'), ctx);
    assert.equal(code, 1);
    assert.match(
      err(),
      /^empty\.csv is empty \(0 bytes\)\. Nothing was imported\. \[LANTERN_IMPORT_EMPTY\]/,
    );
    assert.doesNotMatch(err(), /delimiting character/);
  });
});
