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
  // The DfE publishes no quartile bands for it ("No_Quartile" in the LAIT dictionary).
  LAC_Good_Develop: 'high',
};
const catalogue: MeasureCatalogue = {
  has: (c) => c in known,
  polarityOf: (c) => known[c],
  suggest: (c) =>
    Object.keys(known).filter((k) => k.toLowerCase().startsWith(c.slice(0, 4).toLowerCase())),
  hasBands: (c) => known[c] !== null && c !== 'LAC_Good_Develop',
  hasLa: (la) => la === 933,
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

  it('refuses a band target on a measure the DfE publishes no quartile bands for', () => {
    const problems = refusal(
      good
        .replace('measure: KS2RWM_Expected_STD', 'measure: LAC_Good_Develop')
        .replace(/\n\s+- \{ kind: gap.*\n/, '\n'),
    );
    assert.deepEqual(problems, [
      's.yaml, line 15, column 37, priorities[1].aims[1].measures[1].targets[1].band: the DfE publishes no quartile bands for this measure, so a band target cannot be judged: use a value, relative or rank target instead',
    ]);
    // Such a measure still has a rank (docs/methods.md §4): a rank target on it is judged.
    readStrategyFile(
      good
        .replace('measure: KS2RWM_Expected_STD', 'measure: LAC_Good_Develop')
        .replace('band: top-quartile', 'rank: 30')
        .replace('kind: band', 'kind: rank')
        .replace(/\n\s+- \{ kind: gap.*\n/, '\n'),
      's.yaml',
      catalogue,
    );
  });

  it('refuses a floor better than its target, at the floor, naming both numbers', () => {
    const target = '{ kind: band, band: top-quartile, by: 2019 }';
    const floor = (t: string) => refusal(good.replace(target, t));
    assert.deepEqual(floor('{ kind: value, value: 65, by: 2019, floor: 70 }'), [
      's.yaml, line 15, column 60, priorities[1].aims[1].measures[1].targets[1].floor: the floor of 70 is above the target of 65: a floor is the worst result still reported amber rather than red, so give a floor of 65 or less',
    ]);
    const low = good.replace('measure: KS2RWM_Expected_STD', 'measure: TotPerAbNew');
    assert.match(
      refusal(low.replace(target, '{ kind: value, value: 15, by: 2019, floor: 12 }'))[0]!,
      /targets\[1\]\.floor: the floor of 12 is below the target of 15: .*, so give a floor of 15 or more$/,
    );
    // "comparison" decides the way round, whatever the measure's polarity.
    assert.match(
      floor('{ kind: value, value: 15, comparison: at-most, by: 2019, floor: 12 }')[0]!,
      /floor: the floor of 12 is below the target of 15/,
    );
    assert.match(
      floor('{ kind: trajectory, from: 2016, value: 65, by: 2019, floor: 66 }')[0]!,
      /floor: the floor of 66 is above the target of 65/,
    );
    assert.match(
      floor('{ kind: rank, rank: 100, by: 2019, floor: 90 }')[0]!,
      /floor: the floor of rank 90 is better than the target of rank 100: .*, so give a floor of 100 or more$/,
    );
    assert.match(
      floor('{ kind: band, band: top-half, by: 2019, floor: A }')[0]!,
      /floor: the floor of band A is better than the target, which band B already meets/,
    );
    assert.match(
      floor('{ kind: relative, comparator: england, within: 2, by: 2019, floor: 1 }')[0]!,
      /floor: the floor of 1 is better than the target, which allows 2 on the wrong side of the comparator/,
    );
    assert.match(
      floor('{ kind: gap, compareWith: NonDAP_NEW_KS2_RWM, atMost: 5, by: 2019, floor: 3 }')[0]!,
      /floor: the floor, a gap of 3, is smaller than the target gap of 5: .*, so give a floor of 5 or more$/,
    );
    // A floor at the target, or worse than it, is what a floor is for.
    for (const ok of [
      '{ kind: value, value: 65, by: 2019, floor: 65 }',
      '{ kind: value, value: 65, by: 2019, floor: 57 }',
      '{ kind: band, band: top-half, by: 2019, floor: B }',
      '{ kind: rank, rank: 100, by: 2019, floor: 140 }',
      '{ kind: relative, comparator: england, by: 2019, floor: 0 }',
    ])
      readStrategyFile(good.replace(target, ok), 's.yaml', catalogue);
  });

  it('suggests the measure meant by a gap compareWith that matches none', () => {
    assert.deepEqual(
      refusal(good.replace('compareWith: NonDAP_NEW_KS2_RWM', 'compareWith: NonDAP_KS2')),
      [
        's.yaml, line 16, column 43, priorities[1].aims[1].measures[1].targets[2].compareWith: no measure has the code "NonDAP_KS2": did you mean "NonDAP_NEW_KS2_RWM"?',
      ],
    );
  });

  it('refuses a year that is not a whole year, in every field that holds one', () => {
    const withValues = good.replace(
      'priorities:',
      'localMeasures:\n  - code: clubs\n    name: Reading clubs\n    unit: pupils\n    period: academic year\n    values:\n      - { year: 2019.5, value: 10 }\npriorities:',
    );
    const target1 = '{ kind: band, band: top-quartile, by: 2019 }';
    const problems = refusal(
      withValues
        .replace('period: { from: 2016, to: 2019 }', 'period: { from: 2016.5, to: 19 }')
        .replace('band: top-quartile, by: 2019', 'band: top-quartile, by: 19')
        .replace('by: "2018/19"', 'by: 2019.5'),
    );
    assert.deepEqual(problems, [
      's.yaml, line 4, column 17, period.from: must be a whole year such as 2026, got 2016.5',
      's.yaml, line 4, column 29, period.to: must be a whole year such as 2026, got 19',
      's.yaml, line 11, column 17, localMeasures[1].values[1].year: must be a whole year such as 2026, got 2019.5',
      's.yaml, line 22, column 55, priorities[1].aims[1].measures[1].targets[1].by: must be a whole year such as 2026, got 19',
      's.yaml, line 23, column 87, priorities[1].aims[1].measures[1].targets[2].by: must be a whole year such as 2026, got 2019.5',
    ]);
    assert.match(
      refusal(good.replace(target1, '{ kind: trajectory, from: 16, value: 65, by: 2019 }'))[0]!,
      /targets\[1\]\.from: must be a whole year such as 2026, got 16$/,
    );
    assert.match(
      refusal(good.replace('narrows: each-year,', 'narrows: each-year, from: 2016.5,'))[0]!,
      /targets\[2\]\.from: must be a whole year such as 2026, got 2016\.5$/,
    );
    // A label still reads as before; a whole year outside the range says so.
    assert.match(
      refusal(good.replace('by: "2018/19"', 'by: 1980'))[0]!,
      /targets\[2\]\.by: must be a year from 1990 to 2100, got 1980$/,
    );
  });

  it('refuses an LA code that names no LA, at the "la" field, saying where the codes are', () => {
    assert.deepEqual(refusal(good.replace('la: 933', 'la: 999')), [
      "s.yaml, line 2, column 5, la: must be a 3-digit LA code that exists in Lantern, got 999: each LA's scorecard in the web app, and `lantern areas`, show the codes",
    ]);
  });

  it('words a target on a measure with no data source as the status reads it', () => {
    // A measure with no data source yet keeps its targets (the Sefton template and the demo copies
    // rely on it): they are judged "no data". Its floor is checked as for higher is better.
    const none = good
      .replace('measure: KS2RWM_Expected_STD', 'noDataSource: No published file holds it')
      .replace(/\n\s+- \{ kind: gap.*\n/, '\n');
    readStrategyFile(none, 's.yaml', catalogue);
    assert.match(
      refusal(
        none.replace(
          '{ kind: band, band: top-quartile, by: 2019 }',
          '{ kind: value, value: 65, by: 2019, floor: 70 }',
        ),
      )[0]!,
      /targets\[1\]\.floor: the floor of 70 is above the target of 65/,
    );
  });
});
