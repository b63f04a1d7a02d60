import assert from 'node:assert/strict';
import { it } from 'node:test';
import { csvCell, renderCsv, renderTable } from '../../src/cli/output.js';

it('neutralises CSV cells that a spreadsheet would run as formulas', () => {
  assert.deepEqual(['=1+1', '+44', '-x', '@SUM(A1)', '\tx', '\rx'].map(csvCell), [
    `'=1+1`,
    `'+44`,
    `'-x`,
    `'@SUM(A1)`,
    `'\tx`,
    `"'\rx"`,
  ]);
});

it('leaves plain negative numbers alone in CSV', () => {
  assert.deepEqual([-2.77, '-3', '-0.5e-3', 0, null].map(csvCell), [
    '-2.77',
    '-3',
    '-0.5e-3',
    '0',
    '',
  ]);
});

it('quotes CSV cells holding commas, quotes or line breaks', () => {
  assert.equal(renderCsv(['a', 'b'], [['x, y', 'say "hi"']]), 'a,b\n"x, y","say ""hi"""\n');
});

it('aligns table columns, numbers to the right', () => {
  assert.equal(
    renderTable(
      [{ header: 'LA' }, { header: 'Value', align: 'right' }],
      [
        ['Somerset', '57.0'],
        ['Sefton', '158.0'],
      ],
    ),
    'LA        Value\n--------  -----\nSomerset   57.0\nSefton    158.0\n',
  );
});
