import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LanternError } from '../../src/core/errors.js';
import { readReferenceAreas } from '../../src/measures/areas.js';
import {
  allFamilies,
  familyDistance,
  nearestSchools,
  standardise,
  variablesForPhase,
  type Candidate,
} from '../../src/schools/families.js';
import {
  inPool,
  isIndependent,
  poolCandidates,
  resolvePool,
} from '../../src/schools/families-pool.js';
import {
  judgeFamily,
  markedlyBetter,
  outcomeForPhase,
  rankHighFirst,
  type OutcomeReading,
} from '../../src/schools/families-outcomes.js';

const close = (actual: number, expected: number, what = '') =>
  assert.ok(Math.abs(actual - expected) < 1e-12, `${what} ${actual} ≠ ${expected}`);

/** Four schools on the corners of a square: z-scores ±1 on both variables (mean 1, sd 1). */
const square: Candidate[] = [
  { urn: 204, values: { a: 2, b: 2 } },
  { urn: 202, values: { a: 0, b: 2 } },
  { urn: 201, values: { a: 0, b: 0 } },
  { urn: 203, values: { a: 2, b: 0 } },
];

describe('Families: standardisation', () => {
  it('z-scores use the mean and population standard deviation of the complete schools', () => {
    const s = standardise(
      [
        { urn: 103, values: { a: 30, b: 1 } },
        { urn: 101, values: { a: 10, b: 1 } },
        { urn: 104, values: { a: null, b: 1 } },
        { urn: 102, values: { a: 20, b: 1 } },
        { urn: 105, values: { a: 99 } },
      ],
      ['a', 'b'],
    );
    assert.deepEqual([...s.urns], [101, 102, 103], 'complete schools, in URN order');
    // a: 10, 20, 30 → mean 20, sd √((100 + 0 + 100) / 3) = 8.1650; 104 and 105 do not count.
    close(s.means[0]!, 20);
    close(s.sds[0]!, Math.sqrt(200 / 3));
    close(s.z[0]!, -Math.sqrt(1.5), 'school 101, a');
    close(s.z[2]!, 0, 'school 102, a');
    close(s.z[4]!, Math.sqrt(1.5), 'school 103, a');
    // b is the same everywhere: no spread, so it scores 0 and tells no school from another.
    assert.equal(s.sds[1], 0);
    assert.deepEqual([s.z[1], s.z[3], s.z[5]], [0, 0, 0]);
    assert.deepEqual(s.excluded, { schools: 2, byVariable: { a: 1, b: 1 } });
  });

  it('a marker (null), a missing figure and a non-number all exclude the school', () => {
    const s = standardise(
      [
        { urn: 1, values: { a: 1 } },
        { urn: 2, values: { a: null } },
        { urn: 3, values: {} },
        { urn: 4, values: { a: Number.NaN } },
        { urn: 5, values: { a: 3 } },
      ],
      ['a'],
    );
    assert.deepEqual([...s.urns], [1, 5]);
    assert.equal(s.excluded.schools, 3);
  });
});

describe('Families: distance, ties and the school itself', () => {
  it('is Euclidean on z-scores with equal weights', () => {
    assert.equal(familyDistance([0, 0], [3, 4]), 5);
    assert.equal(familyDistance([1, -1, 2], [1, -1, 2]), 0);
  });

  it('ranks the square by distance, ties going to the smaller URN, never the school itself', () => {
    const s = standardise(square, ['a', 'b']);
    assert.deepEqual([...s.z.slice(0, 2)], [-1, -1], '201 at (−1, −1)');
    // From 201: 202 and 203 are both 2 away, 204 is 2√2 away.
    assert.deepEqual(nearestSchools(s, 201, 3), [
      { urn: 202, distance: 2 },
      { urn: 203, distance: 2 },
      { urn: 204, distance: 2.828427125 }, // 2√2 to 9 places
    ]);
    assert.deepEqual(nearestSchools(s, 203, 1), [{ urn: 201, distance: 2 }], '201 before 204');
    assert.deepEqual(
      nearestSchools(s, 204, 2).map((n) => n.urn),
      [202, 203],
    );
    assert.deepEqual(nearestSchools(s, 201, 50).length, 3, 'a pool smaller than N gives all');
    assert.deepEqual(nearestSchools(s, 999, 5), [], 'a school not in the pool has no family');
  });

  it('keeps a twin with the same figures (distance 0) but not the school', () => {
    const s = standardise([...square, { urn: 205, values: { a: 0, b: 0 } }], ['a', 'b']);
    const family = nearestSchools(s, 201, 2);
    assert.deepEqual(family[0], { urn: 205, distance: 0 });
    assert.ok(!family.some((m) => m.urn === 201));
  });

  it('ties distances equal to 9 decimal places, as exact arithmetic would', () => {
    const s = standardise(
      [
        { urn: 3, values: { a: 12.9 } },
        { urn: 2, values: { a: 13.9 } },
        { urn: 1, values: { a: 13.4 } },
        { urn: 4, values: { a: 20 } },
      ],
      ['a'],
    );
    // 13.9 and 12.9 are both 0.5 from 13.4, but their z-scores' differences are not equal in
    // binary floating point.
    assert.notEqual(s.z[1]! - s.z[0]!, s.z[0]! - s.z[2]!);
    const [first, second] = nearestSchools(s, 1, 2);
    assert.equal(first!.distance, second!.distance);
    assert.deepEqual([first!.urn, second!.urn], [2, 3], 'the smaller URN first');
  });

  it('every family at once is the same as each one alone, and as a full sort', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) % 20) / 2; // coarse: many ties
    const pool = Array.from({ length: 150 }, (_, i) => ({
      urn: 1000 + ((i * 37) % 150),
      values: { a: random(), b: random(), c: random() },
    }));
    const s = standardise(pool, ['a', 'b', 'c']);
    const all = allFamilies(s, 20);
    assert.equal(all.width, 20);
    for (let i = 0; i < s.urns.length; i++) {
      const urn = s.urns[i]!;
      const z = (j: number) => [...s.z.slice(j * 3, j * 3 + 3)];
      const sorted = [...s.urns]
        .map((u, j) => ({ urn: u, distance: familyDistance(z(i), z(j)) })) // to 9 places
        .filter((r) => r.urn !== urn)
        .sort((x, y) => x.distance - y.distance || x.urn - y.urn)
        .slice(0, 20);
      const one = nearestSchools(s, urn, 20);
      assert.deepEqual(
        one.map((m) => m.urn),
        sorted.map((m) => m.urn),
      );
      assert.deepEqual(
        [...all.urns.slice(i * 20, i * 20 + 20)],
        sorted.map((m) => m.urn),
      );
      one.forEach((m, r) => close(all.distances[i * 20 + r]!, m.distance));
    }
  });
});

describe('Families: the pool', () => {
  const areas = readReferenceAreas();

  it('is England, the region (London whole) or the LA', () => {
    const england = resolvePool('england', 202, areas);
    assert.equal(england.name, 'England');
    assert.ok(inPool(england, 850) && inPool(england, null));
    const london = resolvePool('region', 202, areas);
    assert.deepEqual([london.code, london.name], [986, 'London']);
    assert.ok(inPool(london, 202) && inPool(london, 203), 'Inner and Outer London');
    assert.ok(!inPool(london, 850) && !inPool(london, null));
    const southEast = resolvePool('region', 850, areas);
    assert.deepEqual([southEast.name, inPool(southEast, 936)], ['South East', true]);
    const camden = resolvePool('la', 202, areas);
    assert.deepEqual(
      [camden.name, inPool(camden, 202), inPool(camden, 203)],
      ['Camden', true, false],
    );
    assert.throws(() => resolvePool('la', null, areas), LanternError);
  });

  it('takes state-funded schools of the pool with a figure or a marker for a variable', () => {
    const school = (urn: number, laCode: number, schoolType = 'CY') => ({
      urn,
      laCode,
      schoolType,
      typeGroup: null,
    });
    const schools = [school(1, 202), school(2, 850), school(3, 203, 'IND'), school(4, 202)];
    schools.push(school(5, 203, 'ACC'));
    const figures = [
      { urn: 1, publication: 'census', code: 'PNUMEAL', value: 5 },
      { urn: 1, publication: 'census', code: 'PSENELK', value: 6 },
      { urn: 2, publication: 'census', code: 'PNUMEAL', value: 7 },
      { urn: 3, publication: 'census', code: 'PNUMEAL', value: 8 },
      { urn: 5, publication: 'census', code: 'PNUMEAL', value: null },
      { urn: 5, publication: 'census', code: 'NOR', value: 900 },
    ];
    const variables = [
      { id: 'eal', publication: 'census', code: 'PNUMEAL' },
      { id: 'sen-support', publication: 'census', code: 'PSENELK' },
    ];
    const found = poolCandidates(schools, figures, variables, resolvePool('region', 202, areas));
    assert.deepEqual(
      found.sort((a, b) => a.urn - b.urn),
      [
        { urn: 1, values: { eal: 5, 'sen-support': 6 } },
        { urn: 5, values: { eal: null } },
      ],
    );
    assert.ok(isIndependent({ schoolType: 'Other independent school', typeGroup: null }));
    assert.ok(isIndependent({ schoolType: null, typeGroup: 'Independent schools' }));
  });
});

describe('Families: variables and outcomes', () => {
  it('chooses the phase’s columns, by id or DfE code', () => {
    const codes = (phase: string, asked?: string[]) =>
      variablesForPhase(phase, asked).map((v) => `${v.publication} ${v.code}`);
    assert.deepEqual(codes('Secondary'), [
      'ks4 KS2APS',
      'ees-information-about-schools ks2_scaledscore_average',
      'census PNUMFSMEVER',
      'census PNUMEAL',
      'census PSENELK',
    ]);
    assert.equal(codes('Primary')[0], 'ks2 TKS1AVERAGE');
    assert.deepEqual(codes('Nursery'), ['census PNUMFSMEVER', 'census PNUMEAL', 'census PSENELK']);
    assert.deepEqual(codes('Primary', ['pnumeal', 'FSM6', 'eal']), [
      'census PNUMEAL',
      'census PNUMFSMEVER',
    ]);
    assert.deepEqual(codes('Secondary', ['KS2APS', 'PTFSM6CLA1A']), [
      'ks4 KS2APS',
      'ks4 PTFSM6CLA1A',
    ]);
    assert.throws(() => variablesForPhase('Primary', ['height']), /not a family variable/);
    assert.equal(outcomeForPhase('Secondary')!.figure.code, 'P8MEA');
    assert.equal(
      outcomeForPhase('Primary', 'ptrwm_high')!.disadvantaged.code,
      'PTRWM_HIGH_FSM6CLA1A',
    );
    assert.equal(outcomeForPhase('Nursery'), null);
    assert.throws(() => outcomeForPhase('Primary', 'P8MEA'), /not a family outcome/);
  });

  it('markedly better is at least the threshold above, whatever the binary noise', () => {
    assert.ok(0.35 - 0.15 < 0.2, 'the noise the rule allows for');
    assert.equal(markedlyBetter(0.35, 0.15, 0.2), true);
    assert.equal(markedlyBetter(0.34, 0.15, 0.2), false);
    assert.equal(markedlyBetter(68, 63, 5), true);
    assert.equal(markedlyBetter(67, 63, 5), false);
    assert.equal(markedlyBetter(null, 63, 5), null);
    assert.equal(markedlyBetter(70, undefined, 5), null);
  });

  it('ranks the family highest first, ties sharing, and names the schools to learn from', () => {
    const ranks = rankHighFirst([
      { urn: 1, value: 70 },
      { urn: 2, value: 65 },
      { urn: 3, value: 65 },
      { urn: 4, value: 60 },
      { urn: 5, value: null },
    ]);
    assert.deepEqual(
      [...ranks],
      [
        [1, 1],
        [2, 2],
        [3, 2],
        [4, 4],
      ],
    );
    const r = (value: number | null, marker: string | null = null): OutcomeReading => ({
      value,
      marker,
    });
    const readings = new Map([
      [1, { outcome: r(60), disadvantaged: r(40) }],
      [2, { outcome: r(66), disadvantaged: r(41) }],
      [3, { outcome: r(62), disadvantaged: r(46) }],
      [4, { outcome: r(null, 'SUPP'), disadvantaged: r(50) }],
      [5, { outcome: r(70), disadvantaged: null }],
      [6, { outcome: r(61), disadvantaged: r(44) }],
    ]);
    const judged = judgeFamily(1, [2, 3, 4, 5, 6], readings, outcomeForPhase('Primary')!);
    assert.deepEqual(
      judged.members.map((m) => [
        m.urn,
        m.rank,
        m.markedlyBetter,
        m.markedlyBetterForDisadvantaged,
      ]),
      [
        [2, 2, true, false],
        [3, 3, false, true],
        [4, null, null, true],
        [5, 1, true, null],
        [6, 4, false, false],
      ],
    );
    assert.deepEqual([judged.school.rank, judged.ranked], [5, 5]);
    assert.equal(judged.school.markedlyBetter, null);
    assert.deepEqual(judged.toLearnFrom, [2, 3, 4, 5], 'most similar first');
  });
});
