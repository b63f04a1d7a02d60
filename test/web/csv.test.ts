import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { neutraliseCell, toCsv } from '../../src/web/tables/csv.js';

describe('csv', () => {
  const cases: [string, string][] = [
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1+2', `'+1+2`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tx', `'\tx`],
    ['-0.6', '-0.6'],
    ['57.0', '57.0'],
    ['Somerset', 'Somerset'],
  ];
  for (const [input, expected] of cases) {
    it(`neutralises ${JSON.stringify(input)} as ${JSON.stringify(expected)}`, () => {
      assert.equal(neutraliseCell(input), expected);
    });
  }

  it('quotes cells with commas, quotes and line breaks', () => {
    assert.equal(
      toCsv(
        ['a', 'b'],
        [
          ['x, y', 'say "hi"'],
          [null, 3],
        ],
      ),
      '\uFEFFa,b\r\n"x, y","say ""hi"""\r\n,3\r\n',
    );
  });
});
