/**
 * The demo copies of the seed strategies, made without a database: each LAIT code becomes its
 * demo equivalent or an honest "no data source", gap targets go where the demo can judge them,
 * every year and date moves on by the one shift, and a copy the demo cannot hold is refused.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { LanternError } from '../../src/core/errors.js';
import { toDemoMeasure } from '../../src/demo/demo-data.js';
import { demoMeasureSpecs } from '../../src/demo/demo-measures.js';
import {
  demoCatalogue,
  demoEquivalents,
  demoGapMeasures,
  demoStrategy,
  demoStrategyYearShift,
  shiftDate,
  shiftYearLabel,
} from '../../src/demo/demo-strategies.js';
import { parseDictionary } from '../../src/sources/lait/dictionary.js';
import type { StrategyDocument, StrategyMeasure } from '../../src/strategy/strategy-schema.js';
import { realData } from '../support/real-data.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const measures = demoMeasureSpecs.map(toDemoMeasure);
const catalogue = demoCatalogue(measures);
const seedFiles = fs.readdirSync(path.join(root, 'strategies')).filter((f) => f.endsWith('.yaml'));
const seedText = (f: string) => fs.readFileSync(path.join(root, 'strategies', f), 'utf8');
const copyOf = (f: string) => demoStrategy(seedText(f), f, catalogue);

const measuresOf = (doc: StrategyDocument): StrategyMeasure[] =>
  doc.priorities.flatMap((p) => p.aims.flatMap((a) => a.measures));
const measure = (doc: StrategyDocument, key: string): StrategyMeasure => {
  const m = measuresOf(doc).find((x) => x.key === key);
  assert.ok(m, `no measure "${key}"`);
  return m;
};

describe('demo copies of the seed strategies', () => {
  it('moves year labels and dates on by the shift', () => {
    assert.equal(demoStrategyYearShift, 8);
    assert.equal(shiftYearLabel('2019'), '2027');
    assert.equal(shiftYearLabel('2018/19'), '2026/27');
    assert.equal(shiftYearLabel('2095/96', 8), '2103/04');
    assert.equal(shiftYearLabel('2018-2019'), '2026-2027');
    assert.equal(shiftYearLabel('2016-17 (OT)'), '2024-25 (OT)');
    assert.equal(shiftDate('2016-09-01'), '2024-09-01');
    assert.equal(shiftDate('2016-02-29'), '2024-02-29');
    assert.equal(shiftDate('2016-02-29', 3), '2019-02-28');
  });

  it('maps only to demo measures, one LAIT code to each', () => {
    const demoCodes = new Set(measures.map((m) => m.code));
    const mapped = [...demoEquivalents.values(), ...demoGapMeasures.map((g) => g.gap)];
    for (const code of mapped) assert.ok(demoCodes.has(code), code);
    assert.equal(new Set(mapped).size, mapped.length, 'a demo measure is mapped twice');
  });

  it(
    'maps codes the LAIT dictionary has, with the same polarity',
    { skip: dictionary().skip },
    () => {
      const lait = new Map(
        parseDictionary(fs.readFileSync(dictionary().path, 'utf8')).measures.map((m) => [
          m.code,
          m,
        ]),
      );
      for (const [real, demo] of demoEquivalents) {
        assert.ok(lait.has(real), `${real} is not in the LAIT dictionary`);
        assert.equal(lait.get(real)!.polarity, catalogue.polarityOf(demo), `${real} → ${demo}`);
      }
      for (const g of demoGapMeasures) {
        assert.ok(
          lait.has(g.measure) && lait.has(g.compareWith),
          `${g.measure} v ${g.compareWith}`,
        );
      }
    },
  );

  it('makes a copy of every seed that names demo measures only, its years moved on', () => {
    assert.equal(seedFiles.length, 3);
    for (const f of seedFiles) {
      const copy = copyOf(f);
      const locals = new Set(copy.localMeasures.map((l) => l.code));
      const codes = measuresOf(copy).flatMap((m) => [
        ...(m.measure ? [m.measure] : []),
        ...m.targets.flatMap((t) => (t.kind === 'gap' ? [t.compareWith] : [])),
      ]);
      for (const c of codes) assert.ok(c.startsWith('DEMO_') || locals.has(c), `${f}: ${c}`);
      assert.match(copy.title, / \(demo copy\)$/);
      const years = measuresOf(copy).flatMap((m) => m.targets.map((t) => t.by));
      assert.ok(years.length > 0 && years.every((y) => /^2027|^2026\/27$/.test(y)), f);
      assert.ok(copy.period.to >= 2027 && copy.period.from <= 2025, `${f}: ${copy.period.from}`);
    }
  });

  it('says which measures the demo has nothing like, keeping their targets', () => {
    const somerset = copyOf('somerset-2016-19.yaml');
    const ks1 = measure(somerset, 'ks1-reading');
    assert.equal(ks1.measure, undefined);
    assert.equal(ks1.noDataSource, 'the demo data set has no figures for this measure');
    assert.deepEqual(
      ks1.targets.map((t) => [t.kind, t.by]),
      [['band', '2027']],
    );
    assert.equal(measure(somerset, 'ks2-rwm').measure, 'DEMO_KS2_RWM');
    // "Sus" is sustained education, not suspensions.
    const destinations = measure(somerset, 'ks4-destinations');
    assert.equal(destinations.measure, undefined);
    assert.equal(destinations.noDataSource, 'the demo data set has no figures for this measure');
  });

  it('judges a gap on the demo gap measure where the demo lacks the other group', () => {
    const sefton = copyOf('sefton.yaml');
    const gap = measure(sefton, 'gap-ks2-dis-gap');
    assert.equal(gap.measure, 'DEMO_KS2_RWM_DIS_GAP');
    assert.deepEqual(gap.targets, [
      {
        key: 'gap-ks2-dis-zero',
        kind: 'value',
        by: '2027',
        value: 0,
        comparison: 'at-most',
      },
    ]);
    assert.deepEqual(
      measure(sefton, 'gap-ks2-dis').targets.map((t) => t.key),
      ['gap-ks2-dis-eng', 'gap-ks2-dis-region'],
    );
    // No demo gap for the early years or Progress 8: the gap target goes.
    assert.equal(
      measure(sefton, 'gap-gld-fsm').targets.some((t) => t.kind === 'gap'),
      false,
    );
    // "Narrows each year" cannot be said on one measure: the gap measure shows, untargeted.
    const somerset = copyOf('somerset-2016-19.yaml');
    assert.deepEqual(measure(somerset, 'ks2-rwm-disadvantaged-gap').targets, []);
  });

  it('keeps a gap target whose two groups the demo both has', () => {
    const cla = measure(copyOf('central-bedfordshire-2015-19.yaml'), 'ks4-att8-cla');
    assert.equal(cla.measure, 'DEMO_CLA_KS4_ATT8');
    assert.deepEqual(cla.targets, [
      {
        key: 'ks4-att8-cla-gap',
        kind: 'gap',
        by: '2027',
        compareWith: 'DEMO_KS4_ATT8',
        narrows: 'each-year',
      },
    ]);
  });

  it('moves local values, action dates, milestones and updates on too', () => {
    const copy = demoStrategy(withDates, 'dated.yaml', catalogue);
    assert.deepEqual(copy.period, { from: 2030, to: 2033 });
    assert.deepEqual(
      copy.localMeasures[0]!.values.map((v) => v.year),
      ['2030/31'],
    );
    const x = copy.priorities[0]!.aims[0]!.actions[0]!;
    assert.deepEqual(
      [x.start, x.due, x.milestones[0]!.due, x.updates[0]!.date],
      ['2030-09-01', '2033-07-31', '2030-11-30', '2031-01-10'],
    );
    const [trajectory] = copy.priorities[0]!.aims[0]!.measures[0]!.targets;
    assert.deepEqual(trajectory, {
      key: 'p-a1-m1-t1',
      kind: 'trajectory',
      from: '2030/31',
      by: '2033/34',
      value: 90,
    });
  });

  it('refuses a copy naming a measure the demo store lacks', () => {
    const without = demoCatalogue(measures.filter((m) => m.code !== 'DEMO_KS2_RWM'));
    assert.throws(
      () => demoStrategy(seedText('somerset-2016-19.yaml'), 'somerset.yaml', without),
      (e: unknown) =>
        e instanceof LanternError &&
        e.code === 'LANTERN_STRATEGY_INVALID' &&
        e.message.startsWith('the demo copy of somerset.yaml') &&
        e.problems.some((p) => /DEMO_KS2_RWM"/.test(p.problem ?? '')),
    );
  });
});

function dictionary() {
  return realData('lait/lait_data_dictionary.csv');
}

const withDates = `format: lantern-strategy/1
la: 933
title: Dated
period: { from: 2022, to: 2025 }
localMeasures:
  - code: governors
    name: Governors equipped
    unit: '%'
    polarity: high
    period: academic year
    values: [{ year: "2022/23", value: 61 }]
priorities:
  - key: p
    title: Governance
    aims:
      - title: Governors are equipped
        measures:
          - name: Governors equipped
            local: governors
            targets:
              - { kind: trajectory, from: "2022/23", value: 90, by: "2025/26" }
        actions:
          - title: Briefings
            owner: { person: Head of Governance, organisation: Somerset Council }
            start: 2022-09-01
            due: 2025-07-31
            status: on_track
            milestones: [{ title: First briefing, due: 2022-11-30, done: true }]
            updates: [{ date: 2023-01-10, by: A Officer, status: on_track, text: Ninety came. }]
`;
