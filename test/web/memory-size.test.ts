import assert from 'node:assert/strict';
import { it } from 'node:test';
import { approximateBytes } from '../../src/web/services/memory-size.js';

it('counts a string by its length, two bytes a character beyond Latin-1', () => {
  assert.equal(approximateBytes('é'.repeat(1000)), 16 + 1000);
  assert.equal(approximateBytes('Ł'.repeat(1000)), 16 + 2000);
});

it('counts arrays, objects, Maps and Sets with what they hold', () => {
  assert.equal(approximateBytes([1, 2, 3]), 16 + 3 * 8 + 3 * 8);
  assert.equal(approximateBytes({ a: 1, b: 'xy' }), 16 + 2 * 8 + 8 + 18);
  assert.equal(approximateBytes(new Map([['k', 1]])), 32 + 24 + 17 + 8);
  assert.equal(approximateBytes(new Set([1])), 32 + 24 + 8);
  assert.equal(approximateBytes(Buffer.alloc(100)), 64 + 100);
});

it('counts an object held twice once, and ends on a cycle', () => {
  const shared = { text: 'x'.repeat(100) };
  const cycle: { self?: unknown } = {};
  cycle.self = cycle;
  assert.equal(approximateBytes([shared, shared]), 16 + 16 + approximateBytes(shared));
  assert.equal(approximateBytes(cycle), 16 + 8);
});
