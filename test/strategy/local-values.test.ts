import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readLocalValues } from '../../src/strategy/local-values.js';

describe('local measure values typed or pasted', () => {
  it('reads year, value and a note that may hold commas', () => {
    assert.deepEqual(readLocalValues('2023/24, 310\n2024/25, 72.5, Survey, of 212 governors\n'), {
      values: [
        { year: '2023/24', value: 310 },
        { year: '2024/25', value: 72.5, note: 'Survey, of 212 governors' },
      ],
    });
    assert.deepEqual(readLocalValues('2025,"1,200"'), { values: [{ year: '2025', value: 1200 }] });
  });

  it('names the line and column of each mistake', () => {
    assert.deepEqual(readLocalValues('2023/24, lots\nlast year, 3\n2023/24, 4'), {
      problems: [
        { line: 1, column: 'value', message: '"lots" is not a number' },
        {
          line: 2,
          column: 'year',
          message: '"last year" is not a year: write it as 2025 or 2024/25',
        },
      ],
    });
    assert.deepEqual(readLocalValues('2023/24, 4\n2023/24, 5'), {
      problems: [
        { line: 2, column: 'year', message: '2023/24 is on line 1 too: give each year once' },
      ],
    });
    assert.deepEqual(readLocalValues('   '), {
      problems: [{ line: 1, column: 'line', message: 'Enter at least one value' }],
    });
  });

  it('refuses a number split by a thousands comma rather than store the part before it', () => {
    const r = readLocalValues('2024/25, 1,200');
    assert.deepEqual(r, {
      problems: [
        {
          line: 1,
          column: 'value',
          message: '"1,200" has a comma inside the number: write it as 1200, or put it in quotes',
        },
      ],
    });
  });
});
