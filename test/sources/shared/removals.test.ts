import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LanternError } from '../../../src/core/errors.js';
import {
  AreaSets,
  describeRemoval,
  findRemovals,
  refuseRemovals,
} from '../../../src/sources/shared/removals.js';

function sets(entries: [string, string, number[]][]): AreaSets {
  const s = new AreaSets();
  for (const [what, year, areas] of entries) for (const a of areas) s.add(what, year, a);
  return s;
}

const names = new Map([
  [970, { kind: 'england', name: 'England' }],
  [986, { kind: 'region', name: 'South West' }],
  [933, { kind: 'la', name: 'Somerset' }],
  [330, { kind: 'la', name: 'Birmingham' }],
  [878, { kind: 'la', name: 'Devon' }],
]);

describe('areas an import would remove', () => {
  const held = sets([
    ['KS2', '2025', [970, 986, 933, 330, 878]],
    ['KS2', '2024', [970, 933]],
  ]);

  it('finds the areas of a year the file has fewer of', () => {
    const incoming = sets([['KS2', '2025', [970, 330]]]);
    assert.deepEqual(findRemovals(held, incoming, 'years in the file'), [
      { what: 'KS2', year: '2025', inFile: 2, inStore: 5, removed: [878, 933, 986] },
    ]);
  });

  it('finds an area swapped for another even when the counts are equal', () => {
    const incoming = sets([['KS2', '2024', [970, 330]]]);
    assert.deepEqual(findRemovals(held, incoming, 'years in the file'), [
      { what: 'KS2', year: '2024', inFile: 2, inStore: 2, removed: [933] },
    ]);
  });

  it('counts a year the file lacks only when the import replaces every year held', () => {
    const incoming = sets([['KS2', '2025', [970, 986, 933, 330, 878]]]);
    assert.deepEqual(findRemovals(held, incoming, 'years in the file'), []);
    assert.deepEqual(findRemovals(held, incoming, 'every year held'), [
      { what: 'KS2', year: '2024', inFile: 0, inStore: 2, removed: [933, 970] },
    ]);
  });

  it('finds nothing when the file has every area the store holds, and more', () => {
    const incoming = sets([['KS2', '2024', [970, 933, 330]]]);
    assert.deepEqual(findRemovals(held, incoming, 'years in the file'), []);
  });

  it('says what and how many would be removed, by kind of area', () => {
    assert.equal(
      describeRemoval(
        { what: 'KS2', year: '2025', inFile: 2, inStore: 5, removed: [878, 933, 986, 970] },
        names,
        'would be removed',
      ),
      'KS2 2025: 2 areas in the file, 5 in the store; 4 would be removed (England, 1 region and 2 LAs, e.g. 878 Devon, 933 Somerset)',
    );
  });

  it('refuses removals unless asked to replace', () => {
    const removals = [{ what: 'KS2', year: '2025', inFile: 2, inStore: 5, removed: [933] }];
    const options = { source: 'x.csv', command: 'lantern import ees x.csv', names };
    assert.throws(
      () => refuseRemovals(removals, { ...options, replace: false }),
      (e: LanternError) =>
        e.code === 'LANTERN_IMPORT_WOULD_REMOVE' &&
        /^x\.csv would remove 1 value the store holds/.test(e.message) &&
        /lantern import ees x\.csv --replace/.test(e.hint ?? ''),
    );
    assert.doesNotThrow(() => refuseRemovals(removals, { ...options, replace: true }));
  });
});
