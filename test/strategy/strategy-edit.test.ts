/**
 * What an edit of a strategy's text may not do, and which updates it adds (strategy-edit.ts):
 * each refusal names what it keeps; updates are matched one for one; an update added by someone
 * who does not sign the strategy off awaits approval.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MeasureCatalogue } from '../../src/strategy/strategy-checks.js';
import { addedUpdates, contentCounts, editRefusals } from '../../src/strategy/strategy-edit.js';
import { readStrategyFile } from '../../src/strategy/strategy-file.js';

const catalogue: MeasureCatalogue = {
  has: () => true,
  polarityOf: () => 'high',
  suggest: () => [],
  hasBands: () => true,
  hasLa: () => true,
};

const update = (date: string, text: string) =>
  `              - { date: ${date}, by: Lead, status: on_track, text: ${text} }\n`;

function strategy(options: {
  lead?: string;
  value?: number;
  updates?: string[];
  second?: boolean;
  published?: boolean;
}) {
  const file = `format: lantern-strategy/1
la: 933
title: Reading
period: { from: 2022, to: 2027 }
${options.lead ? `lead: ${options.lead}\n` : ''}published: ${options.published ?? false}
localMeasures:
  - { code: clubs, name: Clubs, unit: pupils, period: academic year, values: [{ year: 2023/24, value: ${options.value ?? 310} }] }
priorities:
  - key: reading
    title: Reading
    aims:
      - key: ks2
        title: Key stage 2
        actions:
          - key: fluency
            title: Fluency
            owner: { person: Lead, organisation: Council }
            updates:
${(options.updates ?? ['2024-01-15']).map((d) => update(d, 'Same words.')).join('')}${
    options.second === false
      ? ''
      : '  - key: attendance\n    title: Attendance\n    aims: [{ key: registers, title: Registers }]\n'
  }`;
  return readStrategyFile(file, 'test.yaml', catalogue);
}

const anyone = { mayApprove: true, commentaryOn: new Set<string>(), evidenceOn: new Set<string>() };

describe('editing a strategy as text', () => {
  it('allows an edit that keeps every recorded update and value', () => {
    const before = strategy({});
    assert.deepEqual(
      editRefusals(before, strategy({ updates: ['2024-01-15', '2024-02-01'] }), anyone),
      [],
    );
  });

  it('refuses a changed local measure value, naming the measure and the year', () => {
    assert.deepEqual(editRefusals(strategy({}), strategy({ value: 311 }), anyone), [
      `Local measure "clubs": the value for 2023/24 (310) is missing or changed. Values already entered stay as they are: to correct one, enter it again on the local measure's page.`,
    ]);
  });

  it('matches identical updates one for one, so dropping one of two is refused', () => {
    const before = strategy({ updates: ['2024-01-15', '2024-01-15'] });
    const refusals = editRefusals(before, strategy({}), anyone);
    assert.equal(refusals.length, 1);
    assert.match(refusals[0]!, /^Action "fluency": the progress update of 2024-01-15 by Lead/);
  });

  it('refuses to remove a priority with board report commentary', () => {
    const refusals = editRefusals(strategy({}), strategy({ second: false }), {
      ...anyone,
      commentaryOn: new Set(['attendance']),
    });
    assert.match(refusals.join('\n'), /^Priority "attendance" has board report commentary/);
  });

  it('refuses to remove an action with uploaded evidence, which would be left with none', () => {
    const before = strategy({});
    const after = {
      ...before,
      priorities: before.priorities.map((p) => ({
        ...p,
        aims: p.aims.map((a) => ({ ...a, actions: [] })),
      })),
    };
    const withFiles = { ...anyone, evidenceOn: new Set(['fluency']) };
    assert.match(
      editRefusals(before, after, withFiles).join('\n'),
      /^Action "fluency" has uploaded evidence/m,
    );
    assert.doesNotMatch(editRefusals(before, after, anyone).join('\n'), /uploaded evidence/);
  });

  it('refuses a change of an owner’s rating from anyone who does not sign the strategy off', () => {
    const before = strategy({});
    const after = {
      ...before,
      priorities: before.priorities.map((p) => ({
        ...p,
        aims: p.aims.map((a) => ({
          ...a,
          actions: a.actions.map((x) => ({ ...x, status: 'done' as const })),
        })),
      })),
    };
    assert.deepEqual(editRefusals(before, after, anyone), []);
    assert.match(
      editRefusals(before, after, { ...anyone, mayApprove: false }).join('\n'),
      /^Action "fluency": the owner's rating changes with a progress update/m,
    );
  });

  it('refuses a change of lead from anyone who does not sign the strategy off', () => {
    const before = strategy({ lead: 'lead@example.org' });
    const after = strategy({ lead: 'someone@example.org' });
    assert.deepEqual(editRefusals(before, after, anyone), []);
    assert.match(
      editRefusals(before, after, { ...anyone, mayApprove: false }).join('\n'),
      /^lead: only lead@example.org or an administrator can change who leads the strategy/,
    );
  });

  it('refuses to publish or withdraw the strategy, which its overview’s button does', () => {
    assert.match(
      editRefusals(strategy({}), strategy({ published: true }), anyone).join('\n'),
      /^published: the strategy is published or withdrawn with the button on its overview/,
    );
  });

  it('adds the new updates, awaiting approval when the editor does not sign off', () => {
    const before = strategy({});
    const after = strategy({ updates: ['2024-01-15', '2024-02-01'] });
    const added = addedUpdates(before, after, { mayApprove: false });
    assert.deepEqual(added, [
      {
        actionKey: 'fluency',
        update: {
          date: '2024-02-01',
          by: 'Lead',
          status: 'on_track',
          text: 'Same words.',
          awaitingApproval: true,
        },
      },
    ]);
    assert.equal(
      addedUpdates(before, after, { mayApprove: true })[0]!.update.awaitingApproval,
      undefined,
    );
    assert.deepEqual(contentCounts(after), { priorities: 2, targets: 0, actions: 1, updates: 2 });
  });
});
