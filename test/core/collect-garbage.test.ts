import assert from 'node:assert/strict';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { it } from 'node:test';
import { collectGarbage } from '../../src/core/collect-garbage.js';

it('collects garbage on request, without --expose-gc', async () => {
  let value: object | null = { big: new Array(100_000).fill(1) };
  const ref = new WeakRef(value);
  value = null;
  await nextTurn(); // a WeakRef keeps its target to the end of the job that made it
  collectGarbage();
  assert.equal(ref.deref(), undefined);
  assert.equal(typeof (globalThis as { gc?: unknown }).gc, 'undefined', 'the app gets no gc');
});
