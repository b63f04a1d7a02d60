import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readReferenceAreas } from '../../src/measures/areas.js';
import {
  demoNotPublishedMarker,
  demoSuppressedMarker,
  generateDemoData,
} from '../../src/demo/demo-data.js';
import { demoMeasureSpecs } from '../../src/demo/demo-measures.js';

const areas = readReferenceAreas();
const data = generateDemoData(areas);
const currentLas = areas.filter((a) => a.kind === 'la' && a.status === 'current');

function values(
  code: string,
  yearLabel: string,
  areaFilter: (c: number) => boolean = (c) => c < 970,
) {
  return data.observations.filter(
    (o) => o.measureCode === code && o.yearLabel === yearLabel && areaFilter(o.areaCode),
  );
}

describe('demo data generator', () => {
  it('generates identical data from the same seed', () => {
    const again = generateDemoData(areas);
    assert.deepEqual(again.observations, data.observations);
    assert.deepEqual([...again.neighbourSet.neighbours], [...data.neighbourSet.neighbours]);
  });

  it('generates different values from a different seed', () => {
    const other = generateDemoData(areas, 'another-seed');
    assert.notDeepEqual(other.observations.slice(0, 200), data.observations.slice(0, 200));
  });

  it('generates rows for every current LA, region and England and no former LA', () => {
    const codes = new Set(values('DEMO_KS2_RWM', '2025', () => true).map((o) => o.areaCode));
    for (const la of currentLas) assert.ok(codes.has(la.code), `LA ${la.code} missing`);
    for (const a of areas.filter((x) => x.kind !== 'la'))
      assert.ok(codes.has(a.code), `area ${a.code} missing`);
    for (const former of areas.filter((x) => x.status === 'former'))
      assert.ok(!codes.has(former.code));
  });

  it('labels every measure as synthetic with a DEMO_ code', () => {
    assert.ok(data.measures.length >= 30);
    for (const m of data.measures) {
      assert.match(m.code, /^DEMO_/);
      assert.match(m.name, /synthetic/i);
      assert.match(m.description ?? '', /SYNTHETIC DEMO DATA, not official statistics/);
    }
  });

  it('sets polarity on the measures as the real ones have it', () => {
    const polarity = (key: string) => data.measures.find((m) => m.code === `DEMO_${key}`)?.polarity;
    assert.equal(polarity('KS2_RWM'), 'high');
    assert.equal(polarity('ABS_PERSISTENT'), 'low');
    assert.equal(polarity('NEET'), 'low');
    assert.equal(polarity('KS4_ATT8_DIS_GAP'), 'low');
    assert.equal(polarity('CLA_RATE'), null);
  });

  it('stores COVID years as missing with a marker, never zero', () => {
    for (const code of ['DEMO_KS2_RWM', 'DEMO_KS4_ATT8', 'DEMO_EY_GLD']) {
      for (const year of ['2020', '2021']) {
        const rows = values(code, year, () => true);
        assert.ok(rows.length > 150);
        assert.ok(
          rows.every((o) => o.value === null && o.suppression === demoNotPublishedMarker),
          `${code} ${year}`,
        );
      }
    }
    assert.ok(
      values('DEMO_ABS_OVERALL', '2019/20').every(
        (o) => o.value === null && o.suppression === demoNotPublishedMarker,
      ),
    );
  });

  it('keeps every value inside its measure range and every missing value with a marker', () => {
    for (const spec of demoMeasureSpecs) {
      for (const o of data.observations.filter((x) => x.measureCode === `DEMO_${spec.key}`)) {
        if (o.value === null)
          assert.ok(
            o.suppression === demoNotPublishedMarker || o.suppression === demoSuppressedMarker,
          );
        else
          assert.ok(
            o.value >= spec.min && o.value <= spec.max,
            `${o.measureCode} ${o.areaCode} ${o.yearLabel} ${o.value}`,
          );
      }
    }
  });

  it('generates plausible KS2 RWM and absence distributions', () => {
    const ks2 = values('DEMO_KS2_RWM', '2025').map((o) => o.value!);
    const mean = ks2.reduce((s, v) => s + v, 0) / ks2.length;
    assert.ok(mean > 57 && mean < 67, `mean ${mean}`);
    assert.ok(Math.max(...ks2) - Math.min(...ks2) > 8);
    const england = values('DEMO_ABS_OVERALL', '2023/24', (c) => c === 970)[0]?.value ?? 0;
    assert.ok(england > 6 && england < 8, `England ${england}`);
  });

  it('ends Progress 8 in 2023', () => {
    const years = new Set(
      data.observations.filter((o) => o.measureCode === 'DEMO_KS4_P8').map((o) => o.yearLabel),
    );
    assert.ok(years.has('2023'));
    assert.ok(!years.has('2024'));
  });

  it('gives every current LA 10 neighbours other than itself with closeness labels', () => {
    assert.equal(data.neighbourSet.version, 'demo');
    assert.equal(data.neighbourSet.neighbours.size, currentLas.length);
    for (const [la, list] of data.neighbourSet.neighbours) {
      assert.equal(list.length, 10);
      assert.ok(list.every((n) => n.code !== la && n.closeness !== null));
    }
  });

  it('assigns each LA the region of the area table', () => {
    assert.equal(data.neighbourSet.regions.get(933), 990);
    assert.equal(data.neighbourSet.regions.get(202), 987);
  });
});
