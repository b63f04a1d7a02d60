/**
 * Runs one importer property on many inputs without stopping at the first failure, groups the
 * failures by kind and shrinks one input of each kind: every counterexample at once, where the
 * test shows only the first. Not a test; run it by hand:
 *
 *   node --import tsx test/support/property/explore.ts <ees|mapping|dictionary|bds|neighbours> [inputs] [seed]
 */
import fc from 'fast-check';
import { eesCsvProperty } from './ees-csv-property.js';
import { closeEesStore, openEesStore } from './ees-fixture.js';
import { eesMappingProperty } from './ees-mapping-property.js';
import { laitBdsProperty } from './lait-bds-property.js';
import { laitDictionaryProperty } from './lait-dictionary-property.js';
import { closeLaitStore, openLaitStore } from './lait-fixture.js';
import { laitNeighboursProperty } from './lait-neighbours-property.js';
import type { PropertyDefinition } from './run.js';

const norm = (s: string) =>
  s
    .replace(/row \d+/g, 'row N')
    .replace(/got ".*?"/g, 'got …')
    .replace(/\d+(\.\d+)?/g, 'N')
    .slice(0, 160);

const kinds: [RegExp, string][] = [
  [/^imported a file that should have been refused/, 'ACCEPTED'],
  [/^refused with/, 'NOT A LANTERNERROR'],
  [/^refused a file that has no problem/, 'REFUSED A GOOD FILE'],
  [/^the error names none/, 'UNLABELLED'],
  [/^the error does not name the file/, 'NO FILE NAME'],
  [/^the error does not say/, 'MISLEADING'],
  [/^refused, but the store changed/, 'CHANGED ON REFUSAL'],
  [/stored .*the file says|the store holds|the measures stored/, 'STORED WRONGLY'],
];

/** The kind of a failure message: what went wrong and where, without the values. */
export function failureKind(message: string): string {
  const lines = message.split('\n');
  const found = lines.flatMap((l, i) => {
    const kind = kinds.find(([re]) => re.test(l))?.[1];
    if (!kind) return [];
    // Where the failure is: the line after the heading, or the heading itself for a raw error.
    const where =
      kind === 'NOT A LANTERNERROR'
        ? l
        : kind === 'MISLEADING'
          ? `${l} ${lines[i + 1]}`
          : (lines[i + 1] ?? l);
    return [`${kind}: ${norm(where)}`];
  });
  return found.length > 0 ? [...new Set(found)].join(' | ') : `OTHER: ${norm(lines[0] ?? '')}`;
}

async function tally<T>(p: PropertyDefinition<T>, inputs: T[]) {
  const byKind = new Map<string, { count: number; example: T }>();
  for (const i of inputs) {
    try {
      await p.predicate(i);
    } catch (e) {
      if (fc.PreconditionFailure.isFailure(e)) continue;
      const kind = failureKind(e instanceof Error ? e.message : String(e));
      const k = byKind.get(kind) ?? { count: 0, example: i };
      byKind.set(kind, { ...k, count: k.count + 1 });
    }
  }
  return byKind;
}

/** Shrinks `example` to a smaller input failing the same way; returns it and its message. */
async function shrink<T>(p: PropertyDefinition<T>, kind: string, example: T, seed: number) {
  const sameKind = fc.asyncProperty(p.arbitrary, async (i) => {
    try {
      await p.predicate(i);
    } catch (e) {
      if (failureKind(e instanceof Error ? e.message : String(e)) === kind) throw e;
    }
  });
  const d = await fc.check(sameKind, {
    examples: [[example]],
    numRuns: 1,
    seed,
    interruptAfterTimeLimit: 20_000,
    markInterruptAsFailure: false,
  });
  const input = d.failed ? (d.counterexample![0] as T) : example;
  const why = d.errorInstance instanceof Error ? d.errorInstance.message : '';
  return { input, why };
}

export async function explore<T>(p: PropertyDefinition<T>, count: number, seed: number) {
  const byKind = await tally(p, fc.sample(p.arbitrary, { numRuns: count, seed }));
  const failed = [...byKind.values()].reduce((n, k) => n + k.count, 0);
  console.log(`# ${p.name}: ${count} inputs, ${failed} failed, ${byKind.size} kinds of failure`);
  for (const [kind, k] of byKind) {
    const { input, why } = await shrink(p, kind, k.example, seed);
    console.log(
      `\n## [${k.count}x] ${kind}\nINPUT: ${p.describe(input)}\nWHY: ${why.slice(0, 1500)}`,
    );
  }
}

async function main(which: string, count: number, seed: number) {
  if (which === 'ees' || which === 'mapping') {
    const s = await openEesStore();
    await explore<never>(
      (which === 'ees' ? eesCsvProperty : eesMappingProperty)(() => s) as never,
      count,
      seed,
    );
    await closeEesStore(s);
    return;
  }
  const s = await openLaitStore();
  const define = {
    dictionary: laitDictionaryProperty,
    bds: laitBdsProperty,
    neighbours: laitNeighboursProperty,
  }[which as 'dictionary'];
  if (!define)
    throw new Error(`no property "${which}": ees, mapping, dictionary, bds or neighbours`);
  await explore<never>(define(() => s) as never, count, seed);
  await closeLaitStore(s);
}

if (process.argv[1]?.endsWith('explore.ts'))
  await main(
    process.argv[2] ?? 'ees',
    Number(process.argv[3] ?? 300),
    Number(process.argv[4] ?? 1),
  );
