import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, it } from 'node:test';
import type { Database } from '../../../src/core/db.js';
import { LanternError, formatError } from '../../../src/core/errors.js';
import { runCli } from '../../../src/cli/main.js';
import { importEes } from '../../../src/sources/ees/ees.import.js';
import { testCliContext } from '../../support/cli.js';
import { describeEachDatabase } from '../../support/db.js';
import { realData } from '../../support/real-data.js';
import { storeFingerprint } from '../store-fingerprint.js';

/**
 * Values that differ from the one a mapping asks for only by characters nobody can see (a
 * zero-width space, a direction mark, a byte-order mark inside the text, an odd space) are near
 * misses: refused like "16–17" for "16-17", never skipped, and every message shows them.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../../fixtures/ees');
const ageMapping = path.join(fixtures, 'age-filter-mapping.yaml');
const neetMapping = path.resolve(here, '../../../mappings/ees/neet-16-17.yaml');
const realNeet2025 = realData('ees_neet_la_nccis/UD_NEETNK_LA_dashboard_final.csv');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-ees-invisible-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

let written = 0;
function tempCsv(text: string): string {
  const file = path.join(dir, `file-${++written}.csv`);
  fs.writeFileSync(file, text);
  return file;
}

/** The en-dash fixture's three rows, with Birmingham's (row 3) Age and geographic level as given. */
function ageFile(age: string, level = 'Local authority'): string {
  return tempCsv(
    [
      'time_period,time_identifier,geographic_level,country_code,region_code,old_la_code,new_la_code,la_name,Age,NEET_percent',
      '2023,Calendar year,National,E92000001,,,,,16-17,2.8',
      `2023,Calendar year,${level},E92000001,E12000005,330,E08000025,Birmingham,${age},3.2`,
      '2023,Calendar year,Local authority,E92000001,E12000009,933,E10000027,Somerset,16-17,3.6',
      '',
    ].join('\n'),
  );
}

async function refused(db: Database, file: string, mapping: string): Promise<LanternError> {
  const before = await storeFingerprint(db);
  const error = await importEes(db, file, mapping).then(
    () => assert.fail(`importing ${path.basename(file)} should have been refused`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof LanternError, String(error));
  assert.equal(error.code, 'LANTERN_IMPORT_INVALID', formatError(error));
  assert.deepEqual(await storeFingerprint(db), before);
  return error;
}

const invisibles: [string, string][] = [
  ['\u200b', 'U+200B'],
  ['\u200e', 'U+200E'],
  ['\u200f', 'U+200F'],
  ['\u202a', 'U+202A'],
  ['\u202b', 'U+202B'],
  ['\u202c', 'U+202C'],
  ['\u202d', 'U+202D'],
  ['\u202e', 'U+202E'],
  ['\u2060', 'U+2060'],
  ['\u00ad', 'U+00AD'],
];

describeEachDatabase('EES values with invisible characters', (db) => {
  it(
    'refuses the real NEET file whose Nottingham row has Age "16-17" and a zero-width space, instead of skipping the LA',
    { skip: realNeet2025.skip },
    async () => {
      const lines = fs.readFileSync(realNeet2025.path, 'utf8').split('\n');
      const row = lines.findIndex((l) => l.includes(',892,E06000018,Nottingham,16-17,'));
      assert.ok(row > 0, 'the 2025 NEET file has a Nottingham row');
      lines[row] = lines[row]!.replace(',Nottingham,16-17,', ',Nottingham,16-17\u200b,');
      const file = tempCsv(lines.join('\n'));
      const error = await refused(db(), file, neetMapping);
      assert.deepEqual(
        error.problems.map(({ expected: _e, ...p }) => p),
        [{ file: path.basename(file), row: row + 1, column: 'Age', value: '16-17\u200b' }],
      );
      const text = formatError(error);
      assert.match(
        text,
        /column "Age": got "16-17<U\+200B>"; expected "16-17", exactly as entry 1/,
      );
      assert.match(text, /zero-width space/);
      assert.doesNotMatch(text, /\u200b/);
    },
  );

  for (const [char, name] of invisibles) {
    it(`refuses Age "16-17" with ${name} after it, or inside it, as a near miss`, async () => {
      for (const age of [`16-17${char}`, `${char}16-17`, `16${char}-17`]) {
        const error = await refused(db(), ageFile(age), ageMapping);
        assert.deepEqual(
          error.problems.map((p) => [p.row, p.column, p.value]),
          [[3, 'Age', age]],
        );
        assert.ok(formatError(error).includes(`<${name}>`), formatError(error));
      }
    });
  }

  it('refuses Age "16-17" with a byte-order mark, a no-break or another Unicode space inside it', async () => {
    for (const age of ['16\ufeff-17', '16-\u00a017', '16\u2007-17', '16\u3000-17', '16\u202f-17']) {
      const error = await refused(db(), ageFile(age), ageMapping);
      assert.deepEqual(
        error.problems.map((p) => [p.row, p.column, p.value]),
        [[3, 'Age', age]],
        age,
      );
    }
  });

  it('refuses a geographic level "Local authority" with a no-break space or a zero-width space in it as a look-alike', async () => {
    for (const level of ['Local\u00a0authority', 'Local authority\u200b', 'Local\u200bauthority']) {
      const error = await refused(db(), ageFile('16-17', level), ageMapping);
      assert.deepEqual(
        error.problems.map((p) => [p.row, p.column, p.value]),
        [[3, 'geographic_level', level]],
      );
      assert.match(error.problems[0]!.expected, /^"Local authority", exactly as EES writes it/);
      const text = formatError(error);
      assert.doesNotMatch(text, /got "Local authority"/, 'the two values must not look the same');
      assert.match(text, /got "Local(<U\+00A0>| |<U\+200B>)authority(<U\+200B>)?"/);
    }
  });

  it('still imports a value whose only extra is a plain or no-break space at an end (trimmed)', async () => {
    const summary = await importEes(db(), ageFile('16-17\u00a0'), ageMapping);
    assert.equal(summary.measures[0]?.observations, 3);
  });

  it('shows an invisible character in the summary of skipped rows', async () => {
    const { ctx, out } = testCliContext(db());
    const code = await runCli(
      ['import', 'ees', ageFile('18\u200b'), '--mapping', ageMapping, '--replace'],
      ctx,
    );
    assert.equal(code, 0);
    assert.match(out(), /\nSkipped: 1 row with filter Age=18<U\+200B>\.\n/);
  });
});
