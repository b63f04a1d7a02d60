/**
 * Strategies in the store, on both engines: a file imported and exported gives back the same
 * text; a refused import changes nothing; every import is audited; and, on the real LAIT files,
 * every kind of target is judged on the very figures the benchmark pages show.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, it } from 'node:test';
import { listAuditEvents, type Actor } from '../../src/access/audit.service.js';
import { getMeasureBenchmark } from '../../src/benchmarks/benchmarks.service.js';
import type { Database } from '../../src/core/db.js';
import { LanternError } from '../../src/core/errors.js';
import { importLait } from '../../src/sources/lait/lait.import.js';
import { withKeys } from '../../src/strategy/strategy-checks.js';
import { readStrategyFile, strategyToYaml } from '../../src/strategy/strategy-file.js';
import { insertStrategy } from '../../src/strategy/strategy.repository.js';
import {
  exportStrategy,
  importStrategy,
  measureCatalogue,
  requireStrategy,
  strategies,
  strategyStatus,
  type JudgedTarget,
} from '../../src/strategy/strategy.service.js';
import { describeEachDatabase } from '../support/db.js';
import { realData } from '../support/real-data.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const actor: Actor = { id: null, label: 'command line (test@host)' };

/** Only local measures: needs no imported data, so it runs on an empty store. */
const localOnly = `format: lantern-strategy/1
la: 933
title: Governors and reading
period: { from: 2022, to: 2026 }
board: Somerset Education Partnership Board
localMeasures:
  - code: governors-equipped
    name: Governors who feel equipped for their role
    unit: '%'
    polarity: high
    period: academic year
    values:
      - { year: "2022/23", value: 61 }
      - { year: "2023/24", value: 66.5, note: Survey of 212 governors }
      - { year: "2024/25", value: 72 }
priorities:
  - key: governance
    title: Strong governance in every school
    risks:
      - { description: Governor recruitment falls, likelihood: 3, impact: 4, owner: Head of Governance }
    aims:
      - title: Governors are equipped
        measures:
          - name: Governors who feel equipped
            local: governors-equipped
            targets:
              - { kind: value, value: 70, by: "2024/25" }
              - { kind: trajectory, from: "2022/23", value: 90, by: "2026/27" }
          - name: Attainment at 14
            noDataSource: no published file holds Key Stage 3 results since 2013
        actions:
          - title: Termly governor briefings
            owner: { person: Head of Governance, organisation: Somerset Council }
            partners: [Diocese of Bath and Wells]
            start: 2022-09-01
            due: 2025-07-31
            status: on_track
            milestones:
              - { title: First briefing held, due: 2022-11-30, done: true }
            updates:
              - { date: 2023-01-10, by: A Officer, status: on_track, text: "Ninety governors came." }
            evidence:
              - { title: Briefing notes, url: "https://example.org/briefings" }
`;

const count = async (db: Database, table: string): Promise<number> =>
  Number((await db.query<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);

async function refusedWith(run: Promise<unknown>, code: string): Promise<string[]> {
  try {
    await run;
  } catch (error) {
    assert.ok(error instanceof LanternError, String(error));
    assert.equal(error.code, code);
    return error.problems.map((p) => p.problem ?? p.expected);
  }
  assert.fail('accepted');
}

describeEachDatabase('strategies in the store', (db) => {
  let id = '';

  before(async () => {
    ({ id } = await importStrategy(db(), actor, localOnly, 'local.yaml'));
  });

  it('gives back, on export, the canonical text of the file imported; and again after re-import', async () => {
    const canonical = strategyToYaml(
      readStrategyFile(localOnly, 'local.yaml', await measureCatalogue(db())),
    );
    const once = await exportStrategy(db(), id);
    assert.equal(once, canonical);
    const again = await importStrategy(db(), actor, once, 'again.yaml');
    assert.equal(await exportStrategy(db(), again.id), once);
  });

  it('records each import in the audit log, with who, what and from which file', async () => {
    const events = await listAuditEvents(db(), { action: 'strategy.import' });
    const mine = events.find((e) => e.targetId === id);
    assert.ok(mine, 'no audit event for the import');
    assert.equal(mine.actor, actor.label);
    assert.deepEqual(mine.details, { title: 'Governors and reading', la: 933, file: 'local.yaml' });
  });

  it('refuses a bad file, and an LA that does not exist, changing nothing', async () => {
    const before = [await count(db(), 'strategy'), await count(db(), 'audit_event')];
    const bad = await refusedWith(
      importStrategy(db(), actor, localOnly.replace('impact: 4', 'impact: 9'), 'bad.yaml'),
      'LANTERN_STRATEGY_INVALID',
    );
    assert.match(bad[0]!, /^must be 1 to 5, got 9$/);
    const noLa = await refusedWith(
      importStrategy(db(), actor, localOnly.replace('la: 933', 'la: 999'), 'la.yaml'),
      'LANTERN_STRATEGY_INVALID',
    );
    assert.match(noLa[0]!, /a 3-digit LA code that exists .*got 999/);
    assert.deepEqual([await count(db(), 'strategy'), await count(db(), 'audit_event')], before);
  });

  it('writes a strategy whole or not at all: a failure half way leaves no rows', async () => {
    const tables = ['strategy', 'strategy_priority', 'strategy_aim', 'local_measure_value'];
    const before = await Promise.all(tables.map((t) => count(db(), t)));
    const doc = readStrategyFile(localOnly, 'local.yaml', await measureCatalogue(db()));
    // Past the checks (as a bug might be): the second action repeats the first's key.
    const aim = doc.priorities[0]!.aims[0]!;
    const broken = withKeys({
      ...doc,
      priorities: [
        { ...doc.priorities[0]!, aims: [{ ...aim, actions: [aim.actions[0]!, aim.actions[0]!] }] },
      ],
    });
    await assert.rejects(db().transaction((tx) => insertStrategy(tx, broken)));
    assert.deepEqual(await Promise.all(tables.map((t) => count(db(), t))), before);
  });

  it('names a strategy id that matches none, and lists the strategies there are', async () => {
    await refusedWith(requireStrategy(db(), 'not-an-id'), 'LANTERN_STRATEGY_NOT_FOUND');
    await refusedWith(
      requireStrategy(db(), '00000000-0000-4000-8000-000000000000'),
      'LANTERN_STRATEGY_NOT_FOUND',
    );
    const list = await strategies(db());
    assert.ok(list.some((s) => s.id === id && s.title === 'Governors and reading'));
  });

  it('judges targets on a local measure from the values the LA entered', async () => {
    const status = await strategyStatus(db(), id, '2025-12-01');
    const [value, trajectory] = status.targets;
    assert.equal(value!.status, 'met');
    assert.equal(value!.latestValue, 72);
    assert.equal(value!.latestYear, '2024/25');
    // The line from 61 (2022/23) to 90 (2026/27) stands at 61 + 29 × 2/4 = 75.5 in 2024/25.
    assert.equal(trajectory!.status, 'off_track');
    assert.equal(trajectory!.targetValue, 75.5);
    assert.equal(trajectory!.distance, 3.5);
    assert.equal(status.targets.length, 2, 'a measure with no data source has no targets here');
  });
});

const lait = realData('lait');
const seeds = fs
  .readdirSync(path.join(root, 'strategies'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();

/** One target of each kind on Somerset's KS2 reading, writing and maths, judged in 2025. */
const everyKind = `format: lantern-strategy/1
la: 933
title: Every kind of target
period: { from: 2022, to: 2027 }
priorities:
  - key: p
    title: Attainment
    aims:
      - key: ks2
        title: Key stage 2
        measures:
          - key: rwm
            name: KS2 reading, writing and maths
            measure: KS2RWM_Expected_STD
            targets:
              - { key: value, kind: value, value: 60, by: 2025 }
              - { key: trajectory, kind: trajectory, from: 2023, value: 70, by: 2027 }
              - { key: band, kind: band, band: top-quartile, by: 2025 }
              - { key: rank, kind: rank, rank: 100, by: 2025 }
              - { key: england, kind: relative, comparator: england, by: 2025 }
              - { key: neighbours, kind: relative, comparator: neighbours, within: 1, by: 2025 }
          - key: rwm-disadvantaged
            name: Disadvantaged pupils' KS2 reading, writing and maths
            measure: DAP_NEW_KS2_RWM
            targets:
              - { key: gap, kind: gap, compareWith: NonDAP_NEW_KS2_RWM, atMost: 15, by: 2025 }
`;

describeEachDatabase('strategy targets on the real LAIT figures', (db) => {
  const ids = new Map<string, string>();
  let judged = new Map<string, JudgedTarget>();

  before(async () => {
    if (lait.skip) return;
    await importLait(db(), lait.path);
    for (const file of seeds) {
      const source = fs.readFileSync(path.join(root, 'strategies', file), 'utf8');
      ids.set(file, (await importStrategy(db(), actor, source, file)).id);
    }
    const { id } = await importStrategy(db(), actor, everyKind, 'every-kind.yaml');
    const status = await strategyStatus(db(), id, '2026-12-01');
    judged = new Map(status.targets.map((t) => [t.key, t]));
  });

  it(
    'imports every strategy the project ships, and exports each as it was read',
    { skip: lait.skip },
    async () => {
      const catalogue = await measureCatalogue(db());
      for (const file of seeds) {
        const source = fs.readFileSync(path.join(root, 'strategies', file), 'utf8');
        assert.equal(
          await exportStrategy(db(), ids.get(file)!),
          strategyToYaml(readStrategyFile(source, file, catalogue)),
          file,
        );
      }
    },
  );

  it(
    'judges every target of every shipped strategy, each with a reason',
    { skip: lait.skip },
    async () => {
      for (const [file, id] of ids) {
        const status = await strategyStatus(db(), id, '2026-12-01');
        assert.ok(status.targets.length > 0, file);
        for (const t of status.targets) {
          assert.ok(t.reason.length > 10, `${file} ${t.key}: "${t.reason}"`);
          assert.doesNotMatch(t.reason, /\.\.|undefined|NaN|null/, `${file} ${t.key}`);
        }
      }
    },
  );

  it(
    'judges Somerset’s top-quartile KS2 target on the benchmark page’s own figures',
    { skip: lait.skip },
    async () => {
      const b = await getMeasureBenchmark(db(), 'KS2RWM_Expected_STD', {
        yearLabel: '2025',
        laCode: 933,
      });
      const row = b.rows[0]!;
      assert.deepEqual([row.value, row.quartileBand, b.cutPoints?.q75], [57, 'D', 66]);
      const band = judged.get('band')!;
      assert.equal(band.status, 'off_track');
      assert.equal(band.rag, 'red');
      assert.equal(band.latestValue, row.value);
      assert.equal(band.targetValue, b.cutPoints!.q75);
      assert.equal(band.distance, 9);
      assert.match(
        band.reason,
        /57\.0% in 2025 \(band D\), 9\.0 percentage points below the upper-quartile cut point of 66\.0%/,
      );
    },
  );

  it(
    'judges value, rank, England and neighbour targets on those figures',
    { skip: lait.skip },
    async () => {
      const row = (
        await getMeasureBenchmark(db(), 'KS2RWM_Expected_STD', { yearLabel: '2025', laCode: 933 })
      ).rows[0]!;
      const value = judged.get('value')!;
      assert.deepEqual([value.status, value.latestValue, value.distance], ['off_track', 57, 3]);
      const rank = judged.get('rank')!;
      assert.equal(rank.status, 'off_track');
      assert.equal(rank.distance, row.rank! - 100);
      const england = judged.get('england')!;
      assert.equal(england.targetValue, row.englandValue);
      assert.equal(england.distance, row.englandValue! - row.value!);
      const neighbours = judged.get('neighbours')!;
      // Within 1 point of the neighbours' average: the line is the average less the allowance.
      assert.ok(
        Math.abs(neighbours.targetValue! - (row.statisticalNeighboursAverage! - 1)) < 1e-9,
        `${neighbours.targetValue} vs ${row.statisticalNeighboursAverage}`,
      );
    },
  );

  it(
    'judges a gap between two groups as the difference of their published figures',
    { skip: lait.skip },
    async () => {
      const of = async (code: string) =>
        (await getMeasureBenchmark(db(), code, { yearLabel: '2025', laCode: 933 })).rows[0]!.value!;
      const gap = (await of('NonDAP_NEW_KS2_RWM')) - (await of('DAP_NEW_KS2_RWM'));
      const t = judged.get('gap')!;
      assert.ok(Math.abs(t.latestValue! - gap) < 1e-9, `${t.latestValue} vs ${gap}`);
      assert.equal(t.status, gap <= 15 ? 'met' : 'off_track');
    },
  );

  it(
    'judges a trajectory against the line from the baseline year’s own figure',
    { skip: lait.skip },
    async () => {
      const at = async (year: string) =>
        (await getMeasureBenchmark(db(), 'KS2RWM_Expected_STD', { yearLabel: year, laCode: 933 }))
          .rows[0]!.value!;
      const base = await at('2023');
      const line = base + ((70 - base) * (2025 - 2023)) / (2027 - 2023);
      const t = judged.get('trajectory')!;
      assert.ok(Math.abs(t.targetValue! - line) < 1e-9, `${t.targetValue} vs ${line}`);
      assert.equal(t.status, (await at('2025')) >= line ? 'on_track' : 'off_track');
    },
  );
});
