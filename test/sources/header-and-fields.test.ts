import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { LanternError } from '../../src/core/errors.js';
import { parseCsvTable } from '../../src/sources/shared/csv-table.js';
import { parseDictionary, requiredDictionaryColumns } from '../../src/sources/lait/dictionary.js';
import { duplicateColumnProblems } from '../../src/sources/shared/columns.js';

it('refuses an EES file with two columns of one name, naming the column and where they are', () => {
  const csv =
    'time_period,time_identifier,time_period,geographic_level\n2024,Academic year,2025,National\n';
  assert.throws(
    () => parseCsvTable(csv, 'x.csv'),
    (e: LanternError) =>
      e.code === 'LANTERN_IMPORT_INVALID' &&
      e.problems?.[0]?.column === 'time_period' &&
      e.problems[0].row === 1 &&
      /columns 1, 3/.test(e.problems[0].expected),
  );
});

it('finds a data dictionary column given twice', () => {
  const header = [...requiredDictionaryColumns, 'Measure_short'];
  const row = header.map(() => 'x');
  const problems = parseDictionary(`${header.join(',')}\n${row.join(',')}\n`).problems;
  assert.ok(problems.some((p) => p.column === 'Measure_short' && p.row === 1));
});

it('lets a column the import does not read appear many times (the neighbours sheet has ten "SNP")', () => {
  const header = ['LA num', 'SN1', 'SNP', 'SN2', 'SNP'];
  assert.deepEqual(duplicateColumnProblems(header, 3, ['LA num', 'SN1', 'SN2']), []);
  assert.equal(duplicateColumnProblems([...header, 'SN1'], 3, ['LA num', 'SN1']).length, 1);
});

it('finds a data dictionary row with fewer fields than the header (a file cut short)', () => {
  const header = [...requiredDictionaryColumns];
  const whole = header.map(() => 'x').join(',');
  const problems = parseDictionary(`${header.join(',')}\n${whole}\nx,x,x,x,x\n`).problems;
  assert.ok(
    problems.some((p) => p.row === 3 && /fields as in the header, not 5/.test(p.expected)),
    JSON.stringify(problems),
  );
});

it('finds a measure code too long to store (over 1,000 bytes: the database cannot index it)', () => {
  const header = [...requiredDictionaryColumns];
  const row = header.map((h) => (h === 'Measure_short' ? 'K'.repeat(3000) : 'x'));
  const problems = parseDictionary(`${header.join(',')}\n${row.join(',')}\n`).problems;
  assert.ok(
    problems.some((p) => p.column === 'Measure_short' && /at most 1000 bytes/.test(p.expected)),
    JSON.stringify(problems).slice(0, 300),
  );
});
