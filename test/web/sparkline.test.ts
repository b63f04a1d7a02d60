import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sparklinePath, type LinePoint } from '../../src/web/charts/index.js';

const points = (values: (number | null)[]): LinePoint[] =>
  values.map((value, i) => ({ yearLabel: String(2016 + i), yearNumber: 2016 + i, value }));

describe('sparkline path', () => {
  it('draws ten years as one path in whole pixels of a 90 by 24 box', () => {
    assert.equal(
      sparklinePath(points([50, 52, 51, 55, 57, 56, 58, 60, 59, 61])),
      'M3 20 12 17 22 18 31 13 40 10 50 11 59 9 68 6 78 7 87 5',
    );
  });

  it('keeps a ten-year path under 60 bytes', () => {
    const d = sparklinePath(points([1.25, 2.5, 3.75, 5, 6.25, 7.5, 8.75, 10, 11.25, 12.5]))!;
    assert.ok(d.length < 60, `${d.length} bytes`);
  });

  it('breaks the line at a missing year and ends on the last year with a value', () => {
    assert.match(sparklinePath(points([1, 2, null, 3, null]))!, /^M3 \d+ 24 \d+M66 \d+$/);
  });

  it('draws a flat series across the middle of the box', () => {
    assert.equal(sparklinePath(points([5, 5, 5])), 'M3 12 45 12 87 12');
  });

  it('draws nothing for fewer than two years with a value', () => {
    assert.equal(sparklinePath(points([null, 4, null])), null);
    assert.equal(sparklinePath([]), null);
  });
});
