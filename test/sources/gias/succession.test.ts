import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SchoolLink } from '../../../src/schools/register.repository.js';
import { continuesSeries, predecessors, successors } from '../../../src/schools/succession.js';

const link = (
  urn: number,
  linkedUrn: number,
  linkType: string,
  establishedOn: string | null = null,
  linkedName: string | null = `School ${linkedUrn}`,
): SchoolLink => ({ urn, linkedUrn, linkType, linkedName, establishedOn });

describe('school succession (pure)', () => {
  it('follows Predecessor rows, and Successor rows read the other way round', () => {
    // 3 became 2 (published from 2's side only as "Successor" of 3), 2 became 1.
    const links = [
      link(1, 2, 'Predecessor', '2020-09-01'),
      link(3, 2, 'Successor - merged', '2015-08-31'),
    ];
    assert.deepEqual(predecessors(1, links), [
      {
        urn: 2,
        name: 'School 2',
        linkType: 'Predecessor',
        date: '2020-09-01',
        of: 1,
        generation: 1,
      },
      {
        urn: 3,
        name: null,
        linkType: 'Predecessor - merged',
        date: '2015-08-31',
        of: 2,
        generation: 2,
      },
    ]);
    assert.deepEqual(
      successors(3, links).map((s) => [s.urn, s.linkType, s.of]),
      [
        [2, 'Successor - merged', 3],
        [1, 'Successor', 2],
      ],
    );
  });

  it("prefers the school's own row to the other side's, and names a school from any row", () => {
    const links = [
      link(2, 1, 'Successor', '2020-08-31', 'New name'),
      link(1, 2, 'Predecessor', '2020-09-01', 'Old name'),
    ];
    assert.deepEqual(
      predecessors(1, links).map((p) => [p.urn, p.name, p.date]),
      [[2, 'Old name', '2020-09-01']],
    );
    assert.deepEqual(
      successors(2, links).map((s) => [s.urn, s.name, s.date]),
      [[1, 'New name', '2020-08-31']],
    );
  });

  it('orders a generation newest first, blank dates last, and stops at a cycle', () => {
    const links = [
      link(1, 4, 'Predecessor', null),
      link(1, 2, 'Predecessor', '2010-01-01'),
      link(1, 3, 'Predecessor', '2012-01-01'),
      link(2, 1, 'Predecessor', '2009-01-01'), // a cycle back to the school itself
      link(3, 2, 'Predecessor', '2008-01-01'), // 2 reached twice: listed once
    ];
    assert.deepEqual(
      predecessors(1, links).map((p) => [p.urn, p.generation]),
      [
        [3, 1],
        [2, 1],
        [4, 1],
      ],
    );
  });

  it('does not follow links that do not say which school came first', () => {
    const links = [
      link(1, 2, 'Result of Amalgamation', '2014-09-01'),
      link(2, 1, 'Result of Amalgamation', '2014-08-31'),
      link(1, 3, 'Merged - change in age range'),
      link(1, 4, 'Sixth Form Centre Link'),
      link(1, 5, 'Closure'),
      link(1, 6, 'Other'),
    ];
    assert.deepEqual(predecessors(1, links), []);
    assert.deepEqual(successors(1, links), []);
    assert.equal(continuesSeries({ linkType: 'Predecessor - Split School' }), true);
    assert.equal(continuesSeries({ linkType: 'Result of Amalgamation' }), false);
  });
});
