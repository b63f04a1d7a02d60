import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { it } from 'node:test';
import { startHeapGovernor } from '../../src/core/heap-governor.js';

it('collects once the heap has grown by its margin since the last collection, not before', async () => {
  let used = 100;
  let collected = 0;
  const governor = startHeapGovernor({
    growthBytes: 50,
    intervalMs: 5,
    usedBytes: () => used,
    collect: () => {
      collected++;
      used = 120; // what the collection left: the new floor
    },
  });
  used = 149;
  await sleep(30);
  assert.equal(collected, 0, 'grown less than the margin');
  used = 150;
  await sleep(30);
  assert.equal(collected, 1);
  used = 169; // grown 49 past the new floor of 120
  await sleep(30);
  assert.equal(collected, 1);
  used = 170;
  await sleep(30);
  assert.equal(governor.collections(), 2);
  governor.stop();
});
