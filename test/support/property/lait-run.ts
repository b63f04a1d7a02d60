import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type { Queryable } from '../../../src/core/db.js';
import { importLait } from '../../../src/sources/lait/lait.import.js';
import { copyOfBase, type LaitStore } from './lait-fixture.js';
import { clip } from './text-files.js';
import { expectCompleteOrNothing, type Verdict } from './verdict.js';

/** How a binary file's bytes may be changed after it is written: cut at a point, or emptied. */
/** `at`: keep the first `at` thousandths of the bytes. */
export type BinaryChange = { kind: 'truncate'; at: number } | { kind: 'empty' };

export const binaryChange: fc.Arbitrary<BinaryChange> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('truncate' as const),
      at: fc.noBias(fc.integer({ min: 0, max: 999 })),
    }),
  },
  fc.constant({ kind: 'empty' as const }),
);

export function applyBinaryChange(
  bytes: Buffer,
  c: BinaryChange | null,
): { bytes: Buffer; state: 'whole' | 'cut' | 'empty' } {
  if (c === null) return { bytes, state: 'whole' };
  const cut =
    c.kind === 'empty'
      ? Buffer.alloc(0)
      : bytes.subarray(0, Math.floor((c.at / 1000) * bytes.length));
  return {
    bytes: cut,
    state: cut.length === 0 ? 'empty' : cut.length < bytes.length ? 'cut' : 'whole',
  };
}

export const describeBinaryChange = (c: BinaryChange | null) =>
  c === null ? '' : c.kind === 'empty' ? 'emptied (0 bytes)' : `cut at ${c.at / 10}% of its bytes`;

/**
 * Imports a copy of the base LAIT folder in which `file` is replaced by `bytes`, and checks the
 * property on it; the folder is removed afterwards.
 */
export async function importChangedFolder(
  s: LaitStore,
  file: string,
  bytes: Buffer,
  verdict: Verdict<unknown>,
  checkStore: () => Promise<string[]>,
): Promise<void> {
  const dir = copyOfBase(s);
  try {
    fs.writeFileSync(path.join(dir, file), bytes);
    // With --replace: a file with fewer areas than the store is refused without it, which the
    // removal tests check (lait-removals.db.test.ts); here it must import completely or be refused.
    const run = () => importLait(s.db, dir, { replace: true });
    await expectCompleteOrNothing(s.db, verdict, run, checkStore);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A difference between rows read from the store and the rows wanted, in words (empty if none). */
export async function rowsDiffer(
  db: Queryable,
  what: string,
  sql: string,
  params: unknown[],
  wanted: unknown[],
): Promise<string[]> {
  const stored = await db.query(sql, params);
  if (isDeepStrictEqual(stored, wanted)) return [];
  const show = (rows: unknown[]) => clip(JSON.stringify(rows), 1500);
  return [`${what}: the store holds ${show(stored)}\nthe file says ${show(wanted)}`];
}
