import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeProblem, LanternError } from '../../src/core/errors.js';
import type { MeasureCatalogue } from '../../src/strategy/strategy-checks.js';
import { readStrategyFile, strategyToYaml } from '../../src/strategy/strategy-file.js';

const known: Record<string, 'high' | 'low' | null> = {
  KS2RWM_Expected_STD: 'high',
  DAP_NEW_KS2_RWM: 'high',
  NonDAP_NEW_KS2_RWM: 'high',
  TotPerAbNew: 'low',
  LACnum: null,
};
const catalogue: MeasureCatalogue = {
  has: (c) => c in known,
  polarityOf: (c) => known[c],
  suggest: (c) =>
    Object.keys(known).filter((k) => k.toLowerCase().startsWith(c.slice(0, 4).toLowerCase())),
};

const good = `format: lantern-strategy/1
la: 933
title: Excellence for all
period: { from: 2016, to: 2019 }
priorities:
  - key: attainment
    title: Attainment amongst the top 25%
    aims:
      - title: Key stage 2
        measures:
          - name: KS2 reading, writing and maths
            measure: KS2RWM_Expected_STD
            replaces: Level 4 or above (KS2 level 4b), replaced by the expected standard from 2016
            targets:
              - { kind: band, band: top-quartile, by: 2019 }
              - { kind: gap, compareWith: NonDAP_NEW_KS2_RWM, narrows: each-year, by: "2018/19" }
        actions:
          - title: Reading fluency
            owner: { person: Head of School Improvement, organisation: Somerset Council }
            start: 2016-09-01
            due: 2017-07-31
            milestones:
              - { title: Schools signed up, due: 2016-12-01 }
            updates:
              - { date: 2016-12-05, by: A Officer, status: on_track, text: "Forty schools signed up." }
`;

/** The problems a file is refused with, each as the CLI prints it. */
function refusal(source: string): string[] {
  try {
    readStrategyFile(source, 's.yaml', catalogue);
  } catch (error) {
    assert.ok(error instanceof LanternError);
    assert.equal(error.code, 'LANTERN_STRATEGY_INVALID');
    assert.match(error.message, /Nothing was changed\.$/);
    return error.problems.map(describeProblem);
  }
  assert.fail('the file was accepted');
}

describe('strategy files', () => {
  it('reads a good file and fills in the keys it leaves out', () => {
    const doc = readStrategyFile(good, 's.yaml', catalogue);
    const aim = doc.priorities[0]!.aims[0]!;
    assert.equal(aim.key, 'attainment-a1');
    assert.equal(aim.measures[0]!.key, 'attainment-a1-m1');
    assert.equal(aim.measures[0]!.targets[1]!.key, 'attainment-a1-m1-t2');
    assert.equal(aim.measures[0]!.targets[1]!.by, '2018/19');
    assert.equal(aim.actions[0]!.key, 'attainment-a1-x1');
    assert.equal(aim.actions[0]!.status, 'not_started');
  });

  it('writes one canonical text: read → write → read → write is identical', () => {
    const once = strategyToYaml(readStrategyFile(good, 's.yaml', catalogue));
    const twice = strategyToYaml(readStrategyFile(once, 's.yaml', catalogue));
    assert.equal(twice, once);
    assert.match(once, /by: "?2018\/19"?/);
    assert.match(once, /key: attainment-a1-m1-t1/);
  });

  it('names line, column and field for a value of the wrong kind', () => {
    const problems = refusal(good.replace('title: Key stage 2', 'title: ""'));
    assert.deepEqual(problems, [
      's.yaml, line 9, column 16, priorities[1].aims[1].title: must not be blank, got a blank',
    ]);
  });

  it('names an unknown field and a target kind that does not exist', () => {
    const problems = refusal(
      good
        .replace(
          '{ kind: band, band: top-quartile, by: 2019 }',
          '{ kind: bands, band: top-quartile, by: 2019 }',
        )
        .replace('replaces:', 'colour: red\n            replaces:'),
    );
    assert.equal(problems.length, 2);
    assert.match(
      problems[0]!,
      /^s\.yaml, line 13, column 13, priorities\[1\]\.aims\[1\]\.measures\[1\]: unknown field "colour"$/,
    );
    assert.match(
      problems[1]!,
      /line 16, column 25, priorities\[1\]\.aims\[1\]\.measures\[1\]\.targets\[1\]\.kind: must be one of value, trajectory, band, rank, relative, gap$/,
    );
  });

  it('suggests the measure meant by a code that matches none', () => {
    const problems = refusal(
      good.replace('measure: KS2RWM_Expected_STD', 'measure: KS2RWM_Expected'),
    );
    assert.equal(problems.length, 1);
    assert.match(
      problems[0]!,
      /line 12, column 22, priorities\[1\]\.aims\[1\]\.measures\[1\]\.measure: no measure has the code "KS2RWM_Expected": did you mean "KS2RWM_Expected_STD"\?/,
    );
  });

  it('refuses a date that does not exist, with what the file held', () => {
    assert.deepEqual(refusal(good.replace('due: 2017-07-31', 'due: 2016-02-30')), [
      's.yaml, line 21, column 18, priorities[1].aims[1].actions[1].due: must be a date written 2026-03-31, got "2016-02-30"',
    ]);
  });

  it('refuses a key used twice, even by parts of different kinds', () => {
    const dup = refusal(
      good
        .replace('- title: Key stage 2', '- key: same\n        title: Key stage 2')
        .replace('- title: Reading fluency', '- key: same\n            title: Reading fluency'),
    );
    assert.deepEqual(dup, [
      's.yaml, line 19, column 18, priorities[1].aims[1].actions[1].key: repeats the key "same", already used by the aim at priorities[1].aims[1]',
    ]);
  });

  it('refuses a band target on a local measure, which has no other LAs to rank against', () => {
    const local = good
      .replace(
        'priorities:',
        'localMeasures:\n  - { code: reading-club, name: Pupils in reading clubs, unit: pupils, polarity: high, period: academic year }\npriorities:',
      )
      .replace('measure: KS2RWM_Expected_STD', 'local: reading-club')
      .replace(/\n\s+- \{ kind: gap.*\n/, '\n');
    const problems = refusal(local);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(
      problems[0]!,
      /targets\[1\]\.kind: a band target compares LAs, and a local measure is held only for this LA/,
    );
  });

  it('names the line of a YAML syntax error', () => {
    const problems = refusal('format: lantern-strategy/1\nla: [933\n');
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^s\.yaml, line \d, column \d+: not valid YAML: Flow sequence/);
  });

  it('needs a comparison for a measure with no better direction', () => {
    const problems = refusal(
      good
        .replace('measure: KS2RWM_Expected_STD', 'measure: LACnum')
        .replace(
          '{ kind: band, band: top-quartile, by: 2019 }',
          '{ kind: value, value: 10, by: 2019 }',
        ),
    );
    assert.ok(
      problems.some((p) =>
        /targets\[1\]\.comparison: the measure has no better direction: say \"comparison: at-least\" or \"at-most\"$/.test(
          p,
        ),
      ),
      problems.join('\n'),
    );
  });

  it('refuses a year a local measure gives twice, and says what is wrong with two dates plainly', () => {
    const twice = good.replace(
      'priorities:',
      'localMeasures:\n  - code: clubs\n    name: Reading clubs\n    unit: pupils\n    period: academic year\n    values:\n      - { year: "2023/24", value: 10 }\n      - { year: "2023/24", value: 12 }\npriorities:',
    );
    const problems = refusal(twice);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(
      problems[0]!,
      /localMeasures\[1\]\.values\[2\]\.year: repeats the year "2023\/24", already used by localMeasures\[1\]\.values\[1\]$/,
    );
    const dates = refusal(good.replace('due: 2017-07-31', 'due: 2016-08-01'));
    assert.deepEqual(dates, [
      's.yaml, line 21, column 18, priorities[1].aims[1].actions[1].due: is before the start date',
    ]);
  });
});
