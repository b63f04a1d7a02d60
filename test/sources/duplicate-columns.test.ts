import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { LanternError } from '../../src/core/errors.js';
import { parseEesCsv } from '../../src/sources/ees/csv.js';
import { parseDictionary, requiredDictionaryColumns } from '../../src/sources/lait/dictionary.js';
import { duplicateColumnProblems } from '../../src/sources/shared/columns.js';

it('refuses an EES file with two columns of one name, naming the column and where they are', () => {
  const csv =
    'time_period,time_identifier,time_period,geographic_level\n2024,Academic year,2025,National\n';
  assert.throws(
    () => parseEesCsv(csv, 'x.csv'),
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
