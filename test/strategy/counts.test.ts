import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strategyCounts } from '../../src/strategy/counts.js';

const date = '2026-06-01';

/** Every status with every direction of travel, and none. */
const everyKind = [
  { status: 'met', direction: 'improving' },
  { status: 'on_track', direction: 'declining' },
  { status: 'off_track', direction: 'no_change' },
  { status: 'off_track', direction: null },
  { status: 'on_track', direction: null },
  { status: 'no_data', direction: null },
  { status: 'no_data', direction: null },
] as const;

describe('strategy counts', () => {
  it('counts "Are we achieving our targets?" so the statuses add up to the targets', () => {
    const c = strategyCounts([...everyKind], [], date);
    assert.deepEqual(
      {
        targets: c.targets,
        met: c.met,
        onTrack: c.onTrack,
        offTrack: c.offTrack,
        noData: c.noData,
      },
      { targets: 7, met: 1, onTrack: 2, offTrack: 2, noData: 2 },
    );
    assert.equal(c.met + c.onTrack + c.offTrack + c.noData, c.targets);
  });

  it('counts "Are we getting better?" so the directions and not enough data add up to the targets', () => {
    const c = strategyCounts([...everyKind], [], date);
    assert.deepEqual(
      {
        improving: c.improving,
        declining: c.declining,
        noChange: c.noChange,
        noDirection: c.noDirection,
      },
      { improving: 1, declining: 1, noChange: 1, noDirection: 4 },
    );
    assert.equal(c.improving + c.declining + c.noChange + c.noDirection, c.targets);
  });

  it('counts a target with figures but no year before them as not enough data to say', () => {
    const c = strategyCounts([{ status: 'on_track', direction: null }], [], date);
    assert.equal(c.noDirection, 1);
  });

  it('counts no targets as nothing in every row', () => {
    const c = strategyCounts([], [], date);
    assert.deepEqual(
      [c.targets, c.met, c.onTrack, c.offTrack, c.noData, c.noDirection, c.improving],
      [0, 0, 0, 0, 0, 0, 0],
    );
  });
});
