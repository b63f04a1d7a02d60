import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sparkline, type LinePoint } from '../../src/web/charts/index.js';

const points = (values: (number | null)[]): LinePoint[] =>
  values.map((value, i) => ({ yearLabel: String(2016 + i), yearNumber: 2016 + i, value }));

describe('sparkline', () => {
  it('draws ten years as one path in whole pixels of a 90 by 24 box, the latest point marked', () => {
    assert.equal(
      sparkline(points([50, 52, 51, 55, 57, 56, 58, 60, 59, 61])).svg,
      '<svg aria-hidden="true" viewBox="0 0 90 24">' +
        '<path d="M3 20 12 17 22 18 31 13 40 10 50 11 59 9 68 6 78 7 87 5"/>' +
        '<circle cx="87" cy="5" r="2"/></svg>',
    );
  });

  it('keeps a ten-year sparkline under 160 bytes', () => {
    const svg = sparkline(points([1.25, 2.5, 3.75, 5, 6.25, 7.5, 8.75, 10, 11.25, 12.5])).svg;
    assert.ok(svg.length < 160, `${svg.length} bytes`);
  });

  it('breaks the line at a missing year and marks the last year with a value', () => {
    const svg = sparkline(points([1, 2, null, 3, null])).svg;
    assert.match(svg, /<path d="M\d+ \d+ \d+ \d+M\d+ \d+"\/>/);
    assert.match(svg, /<circle cx="66" cy="\d+" r="2"\/>/);
  });

  it('draws a flat series across the middle of the box', () => {
    assert.match(sparkline(points([5, 5, 5])).svg, /d="M3 12 45 12 87 12"/);
  });

  it('hides itself from assistive technology and carries no styles of its own', () => {
    const svg = sparkline(points([1, 2, 3])).svg;
    assert.match(svg, /^<svg aria-hidden="true"/);
    assert.doesNotMatch(svg, /role=|style|stroke=|fill=|class=/);
  });
});
