import assert from 'node:assert/strict';
import fs from 'node:fs';
import { it } from 'node:test';
import Papa from 'papaparse';
import { importOfsted } from '../../src/sources/ofsted/ofsted.import.js';
import { describeEachDatabase } from '../support/db.js';
import { realData } from '../support/real-data.js';

const graded2013 = realData('ofsted_inyear_2013_14/Ofsted Sep 13 - Aug 14.csv');

/** Somerset's share of good or better schools, worked out here from the CSV itself. */
function expectedShare(laCode: string): { share: number; schools: number } {
  const text = new TextDecoder('windows-1252').decode(fs.readFileSync(graded2013.path));
  const rows = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: true,
  }).data;
  const latest = new Map<string, { date: string; grade: string }>();
  for (const r of rows) {
    if (!r.LAESTAB!.startsWith(laCode) || !/^[1-4]$/.test(r['Overall effectiveness']!)) continue;
    const [d, m, y] = r['Inspection start date']!.split('/');
    const date = `${y}-${m}-${d}`;
    const held = latest.get(r.URN!);
    if (!held || date > held.date) latest.set(r.URN!, { date, grade: r['Overall effectiveness']! });
  }
  const grades = [...latest.values()];
  const good = grades.filter((g) => g.grade === '1' || g.grade === '2').length;
  return { share: (100 * good) / grades.length, schools: grades.length };
}

describeEachDatabase('LA Ofsted measures made from school inspections', (db) => {
  it(
    "stores each LA's share of good or better schools as a measure the benchmark engine ranks",
    { skip: graded2013.skip },
    async () => {
      const summary = await importOfsted(db(), graded2013.path);
      assert.match(summary.measuresYear ?? '', /SCH_OFSTED_GOOD_SCHOOLS 2014 \(to \d+ \w+\)/);
      const expected = expectedShare('933');
      assert.ok(expected.schools > 30, 'Somerset had many inspections that year');
      const [row] = await db().query<{ value: number; rank: number; rank_of: number }>(
        `select o.value, b.rank, b.rank_of from observation o
           join benchmark b on b.measure_code = o.measure_code and b.year_label = o.year_label and b.la_code = o.area_code
          where o.measure_code = 'SCH_OFSTED_GOOD_SCHOOLS' and o.area_code = 933`,
      );
      assert.ok(Math.abs(row!.value - expected.share) < 1e-9, `${row!.value} vs ${expected.share}`);
      assert.ok(row!.rank >= 1 && row!.rank <= row!.rank_of);
      const [england] = await db().query<{ value: number }>(
        "select value from observation where measure_code = 'SCH_OFSTED_GOOD_SCHOOLS' and area_code = 970",
      );
      assert.ok(england!.value > 50 && england!.value < 100);
      const measures = await db().query<{ code: string; polarity: string }>(
        "select code, polarity from measure where code like 'SCH_%' order by code",
      );
      assert.deepEqual(
        measures.map((m) => m.code),
        [
          'SCH_OFSTED_GOOD_PUPILS',
          'SCH_OFSTED_GOOD_SCHOOLS',
          'SCH_RC_EXPECTED_PUPILS',
          'SCH_RC_EXPECTED_SCHOOLS',
        ],
      );
    },
  );
});
