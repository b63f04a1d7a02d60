import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { publicDir } from '../../src/web/paths.js';
import { scorecardColumns } from '../../src/web/pages/scorecard/scorecard.view.js';
import { renderComponent } from '../../src/web/render.js';

const css = fs.readFileSync(path.join(publicDir, 'lantern.css'), 'utf8');

describe('compact scorecard table', () => {
  it('right-aligns in lantern.css exactly the columns the scorecard marks numeric', () => {
    const block =
      /((?:\.lantern-scorecard tr > :nth-child\(\d+\),?\s*)+)\{\s*text-align: right/.exec(css);
    assert.ok(block, 'a rule right-aligning .lantern-scorecard tr > :nth-child(n)');
    const aligned = [...block[1]!.matchAll(/nth-child\((\d+)\)/g)].map((m) => Number(m[1]));
    const numeric = scorecardColumns.flatMap((c, i) => (c.numeric ? [i + 1] : []));
    assert.deepEqual(aligned, numeric);
  });

  it('writes a body row with no whitespace, no classes and no optional end tags', () => {
    const html = renderComponent('compact-table', {
      table: { id: 't' },
      govuk: {
        firstCellIsHeader: true,
        head: [{ text: 'Measure' }, { text: 'Value', format: 'numeric' }],
        rows: [[{ html: '<a class="govuk-link" href="/x">X</a>' }, { text: '1 & 2' }]],
      },
    });
    assert.match(
      html,
      /<tr><th scope="row"><a class="govuk-link" href="\/x">X<\/a><td>1 &amp; 2<\/tr>/,
    );
  });
});
