import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateDemoData } from '../../src/demo/demo-data.js';
import {
  demoSchoolSuppressedMarker,
  demoUrnBase,
  generateDemoSchools,
  type DemoSchoolFile,
} from '../../src/demo/demo-schools.js';
import { readReferenceAreas } from '../../src/measures/areas.js';
import { publishedWord } from '../../src/schools/ofsted-grades.js';
import { publications } from '../../src/sources/performance-tables/publications.js';
import type { PerformanceFile } from '../../src/sources/performance-tables/read.js';
import { reconcile } from '../../src/sources/performance-tables/reconcile.js';

const areas = readReferenceAreas();
const data = generateDemoData(areas);
const demo = generateDemoSchools(areas, data);
const currentLas = areas.filter((a) => a.kind === 'la' && a.status === 'current');

const file = (publication: string, year: string): DemoSchoolFile =>
  demo.files.find((f) => f.publication === publication && f.year.label === year)!;

const codesIn = (f: DemoSchoolFile) =>
  new Set(f.schools.flatMap((s) => s.figures.map((x) => x.code)));

function correlation(xs: number[], ys: number[]): number {
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

describe('demo schools generator', () => {
  it('generates identical schools from the same seed, different ones from another', () => {
    const again = generateDemoSchools(areas, generateDemoData(areas));
    assert.deepEqual(again, demo);
    const other = generateDemoSchools(areas, generateDemoData(areas, 'another-seed'));
    assert.notDeepEqual(other.files[0]!.schools.slice(0, 50), demo.files[0]!.schools.slice(0, 50));
  });

  it('gives every current LA primary schools and all but the City of London secondaries', () => {
    for (const la of currentLas) {
      const mine = demo.schools.filter((s) => s.laCode === la.code);
      const primary = mine.filter((s) => s.phase === 'Primary').length;
      const secondary = mine.filter((s) => s.phase === 'Secondary').length;
      assert.ok(primary >= 1, `LA ${la.code} has no primary school`);
      if (la.code === 201 || la.code === 420) continue;
      assert.ok(primary >= 5 && primary <= 10, `LA ${la.code}: ${primary} primaries`);
      assert.ok(secondary >= 2 && secondary <= 4, `LA ${la.code}: ${secondary} secondaries`);
    }
    const laCodes = new Set(currentLas.map((a) => a.code));
    assert.ok(
      demo.schools.every((s) => laCodes.has(s.laCode!)),
      'only current LAs',
    );
  });

  it('names and numbers the schools so that none can be taken for a real one', () => {
    const urns = demo.schools.map((s) => s.urn);
    assert.equal(new Set(urns).size, urns.length, 'URNs are unique');
    for (const s of demo.schools) {
      assert.ok(s.urn >= demoUrnBase && s.urn < 1_000_000, `URN ${s.urn}`);
      assert.match(s.name, /^Demo .* \(synthetic\)$/);
      assert.equal(s.status, 'Open');
      if (s.trust) assert.match(s.trust, /^Demo .* \(synthetic\)$/);
      if (s.typeGroup === 'Academies') assert.ok(s.trust, `${s.name} is an academy with a trust`);
    }
    assert.ok(demo.inspections.every((i) => i.inspectionNumber.startsWith('DEMO-')));
  });

  it('publishes no KS2 progress for 2023/24 and 2024/25, and no Progress 8 for 2024/25', () => {
    const progress = /PROG|TKS1AVERAGE/;
    for (const year of ['2021/22', '2022/23'])
      assert.ok(
        [...codesIn(file('ks2', year))].some((c) => progress.test(c)),
        year,
      );
    for (const year of ['2023/24', '2024/25']) {
      const codes = [...codesIn(file('ks2', year))];
      assert.deepEqual(
        codes.filter((c) => progress.test(c)),
        [],
        year,
      );
      const area = file('ks2', year).areas.flatMap((a) => a.figures.map((f) => f.code));
      assert.deepEqual(
        area.filter((c) => progress.test(c)),
        [],
        `${year} totals`,
      );
    }
    assert.ok(codesIn(file('ks4', '2023/24')).has('P8MEA'));
    assert.ok(![...codesIn(file('ks4', '2024/25'))].some((c) => c.startsWith('P8')));
  });

  it('keeps a suppressed cell as a null with its marker, never a zero', () => {
    let suppressed = 0;
    for (const f of demo.files)
      for (const row of [...f.schools, ...f.areas])
        for (const x of row.figures) {
          assert.equal(x.text, null);
          if (x.marker !== null) {
            assert.equal(x.value, null, `${f.publication} ${x.code} has a value and a marker`);
            assert.equal(x.marker, demoSchoolSuppressedMarker);
            suppressed++;
          } else assert.ok(Number.isFinite(x.value), `${f.publication} ${x.code} is a number`);
        }
    assert.ok(suppressed > 1000, `${suppressed} suppressed cells`);
    // Small cohorts: only the cohort's size is shown.
    const tiny = file('ks2', '2024/25').schools.find(
      (s) => s.figures.find((x) => x.code === 'TELIG')!.value! <= 10,
    );
    assert.ok(tiny, 'some KS2 cohort is small');
    assert.ok(tiny.figures.filter((x) => x.code !== 'TELIG').every((x) => x.marker === 'SUPP'));
  });

  it('totals each LA and England as the performance-table importer reconciles them', () => {
    const laOf = new Map(demo.schools.map((s) => [s.urn, s.laCode]));
    for (const f of demo.files) {
      const lines = reconcile({
        publication: publications.find((p) => p.id === f.publication)!,
        schools: f.schools.map((s) => ({
          urn: s.key,
          laCode: laOf.get(s.key)!,
          figures: s.figures,
        })),
        totals: f.areas.map((a) => ({ ...a.key, figures: a.figures })),
      } as unknown as PerformanceFile);
      if (f.publication === 'ks2' || f.publication === 'ks4') {
        assert.ok(lines.length > 3 * 150, `${f.publication} ${f.year.label}: ${lines.length}`);
        assert.ok(lines.some((l) => l.areaCode === 970 && l.rowKind === 'england-state-funded'));
      }
      const differ = lines.filter((l) => !l.agrees);
      assert.deepEqual(differ, [], `${f.publication} ${f.year.label}`);
    }
    const kinds = (p: string) => [...new Set(file(p, '2023/24').areas.map((a) => a.key.rowKind))];
    assert.deepEqual(kinds('ks2').sort(), ['england-state-funded', 'la']);
    assert.deepEqual(kinds('census').sort(), ['england-pri', 'england-sec', 'la-pri', 'la-sec']);
    assert.deepEqual(kinds('absence').sort(), ['england-pri', 'england-sec', 'la-pri', 'la-sec']);
  });

  it('ties outcomes to intake: more disadvantage, lower attainment, and a disadvantage gap', () => {
    const fsm = new Map(
      file('census', '2023/24').schools.map((s) => [
        s.key,
        s.figures.find((x) => x.code === 'PNUMFSMEVER')!.value!,
      ]),
    );
    for (const [publication, code] of [
      ['ks2', 'PTRWM_EXP'],
      ['ks4', 'ATT8SCR'],
    ] as const) {
      const pairs = file(publication, '2023/24').schools.flatMap((s) => {
        const v = s.figures.find((x) => x.code === code)!.value;
        return v === null ? [] : [[fsm.get(s.key)!, v] as const];
      });
      const r = correlation(
        pairs.map((p) => p[0]),
        pairs.map((p) => p[1]),
      );
      assert.ok(r < -0.3, `${code} and FSM6: r = ${r.toFixed(2)}`);
    }
    const england = file('ks2', '2023/24').areas.find((a) => a.key.areaCode === 970)!;
    const value = (code: string) => england.figures.find((x) => x.code === code)!.value!;
    const gap = value('PTRWM_EXP_NotFSM6CLA1A') - value('PTRWM_EXP_FSM6CLA1A');
    assert.ok(gap > 15 && gap < 35, `England's gap ${gap}`);
    assert.ok(Math.abs(value('PTRWM_EXP') - 61) <= 3, 'near the published level');
  });

  it('labels every code it publishes', () => {
    for (const f of demo.files) {
      const labelled = new Set(
        demo.measures.find((m) => m.publication === f.publication)!.columns.map((c) => c.code),
      );
      for (const code of codesIn(f)) assert.ok(labelled.has(code), `${f.publication} ${code}`);
    }
  });

  it('grades inspections in the published words of each framework', () => {
    const reportCards = demo.inspections.filter((i) => i.framework === 'report-card');
    const graded = demo.inspections.filter((i) => i.framework === 'graded');
    assert.ok(reportCards.length > 200 && graded.length >= demo.schools.length);
    for (const i of reportCards) {
      assert.ok(i.startDate! >= '2025-11-10', i.startDate!);
      assert.ok(publishedWord('safeguarding', i.safeguarding!));
      for (const w of Object.values(i.judgements)) assert.ok(publishedWord('report-card', w), w);
    }
    assert.ok(
      reportCards.filter((i) => i.safeguarding === 'Met').length > 0.95 * reportCards.length,
    );
    for (const i of graded) {
      assert.ok(i.startDate! < '2025-08-01', i.startDate!);
      assert.ok(publishedWord('graded-overall', i.overallEffectiveness!));
      if (i.startDate! >= '2024-09-01') assert.equal(i.overallEffectiveness, 'Not judged');
      for (const [k, w] of Object.entries(i.judgements))
        if (k !== 'Safeguarding is effective?') assert.ok(publishedWord('graded', w), w);
    }
    const overall = new Set(graded.map((i) => i.overallEffectiveness));
    assert.deepEqual([...overall].sort(), ['1', '2', '3', '4', 'Not judged']);
  });
});
