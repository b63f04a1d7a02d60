import assert from 'node:assert/strict';
import { it } from 'node:test';
import { columnsToCopyCsv } from '../../src/store/copy-csv.js';

it('writes nulls as empty fields and quotes text with its quotes doubled', () => {
  const csv = columnsToCopyCsv([
    ['16-17_not known_NEET', 'say "hi", ok'],
    [0.1 + 0.2, null],
    [true, false],
  ]);
  assert.equal(csv, '"16-17_not known_NEET",0.30000000000000004,t\n"say ""hi"", ok",,f\n');
});

it('writes nothing for no rows', () => {
  assert.equal(columnsToCopyCsv([[], []]), '');
});
