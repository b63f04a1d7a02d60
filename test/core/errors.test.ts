import assert from 'node:assert/strict';
import fs from 'node:fs';
import { it } from 'node:test';
import { describeProblem, errorCodes } from '../../src/core/errors.js';

it('lists every error code in docs/errors.md and no other', () => {
  const doc = fs.readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
  const documented = [...doc.matchAll(/^\| `(LANTERN_[A-Z_]+)` \|/gm)].map((m) => m[1]).sort();
  assert.deepEqual(documented, Object.keys(errorCodes).sort());
});

it('describes a problem with file, row, column, value and what was expected', () => {
  const text = describeProblem({
    file: 'bds.parquet',
    row: 12,
    column: 'Values',
    value: 'abc',
    expected: 'a number',
  });
  assert.equal(text, 'bds.parquet, row 12, column "Values": got "abc"; expected a number');
});
