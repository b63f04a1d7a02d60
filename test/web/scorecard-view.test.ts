import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LaBenchmark } from '../../src/benchmarks/benchmark.js';
import { changeCell } from '../../src/web/tables/cells.js';
import { linksHtml } from '../../src/web/pages/la-measure/la-measure.view.js';

const base = { changeFromPrevious: 0.04, changeDirection: 'better', previousYearLabel: '2024' };

describe('scorecard change cell', () => {
  it('shows +0.04 on a 1-dp measure as 0.0 with an up arrow and better', () => {
    const cell = changeCell(base as unknown as LaBenchmark, 1);
    assert.equal(cell.raw, 0.04);
    assert.match(cell.html!, /▲/);
    assert.match(cell.html!, /> 0\.0 /);
    assert.match(cell.html!, /<b>better<\/b>/);
  });

  it('shows an exact zero change as level with no change', () => {
    const cell = changeCell(
      { ...base, changeFromPrevious: 0, changeDirection: 'same' } as unknown as LaBenchmark,
      1,
    );
    assert.match(cell.html!, /►/);
    assert.match(cell.html!, /no change/);
  });
});

it('turns the addresses in a measure links field into links and escapes the rest', () => {
  assert.equal(
    linksHtml('See https://example.org/a?x=1&y=2 <now>'),
    'See <a class="govuk-link" href="https://example.org/a?x=1&amp;y=2" rel="noopener">https://example.org/a?x=1&amp;y=2</a> &lt;now&gt;',
  );
});
