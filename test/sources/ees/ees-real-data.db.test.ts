import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';
import type { Database } from '../../../src/core/db.js';
import { LanternError } from '../../../src/core/errors.js';
import { listObservations } from '../../../src/measures/observations.repository.js';
import { importEes } from '../../../src/sources/ees/ees.import.js';
import { describeEachDatabase } from '../../support/db.js';
import { realData } from '../../support/real-data.js';
import { storeFingerprint } from '../store-fingerprint.js';

const mappings = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../mappings/ees',
);
const neetFiles = [
  'UD_NEETNK_LA_dashboard_2021_vg_removed.csv',
  'UD_NEETNK_LA_dashboard_2022_final.csv',
  'UD_NEETNK_LA_dashboard_2023_final.csv',
  'UD_NEETNK_LA_dashboard_final.csv',
].map((f) => realData(`ees_neet_la_nccis/${f}`));
const attendance = realData('ees_attendance/EES_ytd_data.csv');
const eyfsp = realData('ees_send_eyfs/1_eyfsp_headline_measures_2022.csv');

async function observation(db: Database, measure: string, area: number, year: string) {
  const rows = await db.query<{ value: number | null; suppression: string | null }>(
    'select value, suppression from observation where measure_code = $1 and area_code = $2 and year_label = $3',
    [measure, area, year],
  );
  return rows[0];
}

describeEachDatabase('EES import of real files', (db) => {
  const neetSkip = neetFiles.find((f) => f.skip)?.skip ?? false;

  it(
    'imports the four NEET scorecard files with one mapping, one year each',
    { skip: neetSkip },
    async () => {
      const years = [];
      for (const f of neetFiles) {
        const summary = await importEes(db(), f.path, path.join(mappings, 'neet-16-17.yaml'));
        years.push(...summary.measures[0]!.yearLabels);
      }
      assert.deepEqual(years, ['2021', '2022', '2023', '2025']);
    },
  );

  it('stores England, region and LA NEET values as published', { skip: neetSkip }, async () => {
    assert.deepEqual(await observation(db(), 'ees_neet_nk_16_17', 970, '2025'), {
      value: 5.6,
      suppression: null,
    });
    assert.deepEqual(await observation(db(), 'ees_neet_nk_16_17', 933, '2025'), {
      value: 7.8,
      suppression: null,
    });
    assert.deepEqual(await observation(db(), 'ees_neet_16_17', 330, '2025'), {
      value: 3.2,
      suppression: null,
    });
    assert.deepEqual(await observation(db(), 'ees_neet_nk_16_17', 986, '2025'), {
      value: 3.3,
      suppression: null,
    });
  });

  it(
    'maps Somerset under its former GSS code and Cumbria before its split in 2021',
    { skip: neetSkip },
    async () => {
      assert.deepEqual(await observation(db(), 'ees_neet_nk_16_17', 933, '2021'), {
        value: 6.9,
        suppression: null,
      });
      assert.deepEqual(await observation(db(), 'ees_neet_nk_16_17', 909, '2021'), {
        value: 4.8,
        suppression: null,
      });
    },
  );

  it('skips the 2021 file demo rows the mapping excludes', { skip: neetSkip }, async () => {
    const rows = await listObservations(db(), ['ees_neet_nk_16_17']);
    assert.equal(rows.filter((r) => r.yearLabel === '2021').length, 159);
  });

  it('re-imports a NEET file without changing the observations', { skip: neetSkip }, async () => {
    const beforeRows = await listObservations(db(), [
      'ees_neet_nk_16_17',
      'ees_neet_16_17',
      'ees_not_known_16_17',
    ]);
    const summary = await importEes(
      db(),
      neetFiles[3]!.path,
      path.join(mappings, 'neet-16-17.yaml'),
    );
    assert.equal(summary.measures[0]!.replaced, 161);
    const afterRows = await listObservations(db(), [
      'ees_neet_nk_16_17',
      'ees_neet_16_17',
      'ees_not_known_16_17',
    ]);
    const key = (r: { measureCode: string; areaCode: number; yearLabel: string }) =>
      `${r.measureCode}|${r.areaCode}|${r.yearLabel}`;
    const sort = <T extends { measureCode: string; areaCode: number; yearLabel: string }>(
      rows: T[],
    ) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
    assert.deepEqual(sort(afterRows), sort(beforeRows));
  });

  it(
    'refuses the first 40 rows of the 2025 NEET file over the whole file, changing nothing',
    { skip: neetSkip },
    async () => {
      // `head -n 41`: the header and 40 rows (England, 9 regions, 30 LAs), in a temporary folder.
      const lines = fs.readFileSync(neetFiles[3]!.path, 'utf8').split('\n');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-neet-'));
      const file = path.join(dir, 'x.csv');
      fs.writeFileSync(file, `${lines.slice(0, 41).join('\n')}\n`);
      const before = await storeFingerprint(db());
      const error = await importEes(db(), file, path.join(mappings, 'neet-16-17.yaml')).then(
        () => assert.fail('the import should have been refused'),
        (e: unknown) => e as LanternError,
      );
      assert.equal(error.code, 'LANTERN_IMPORT_WOULD_REMOVE');
      assert.match(error.message, /^x\.csv would remove 363 values the store holds/);
      for (const code of ['ees_neet_16_17', 'ees_neet_nk_16_17', 'ees_not_known_16_17'])
        assert.match(
          error.message,
          new RegExp(`${code} 2025: 40 areas in the file, 161 in the store; 121 would be removed`),
        );
      assert.deepEqual(await storeFingerprint(db()), before);
    },
  );

  it(
    'imports year-to-date attendance for all schools, one value per area',
    { skip: attendance.skip },
    async () => {
      const summary = await importEes(
        db(),
        attendance.path,
        path.join(mappings, 'attendance-year-to-date.yaml'),
      );
      assert.deepEqual(
        summary.measures.map((m) => [m.code, m.observations, m.missing]),
        [
          ['ees_persistent_absence_ytd', 163, 2],
          ['ees_attendance_ytd', 163, 2],
          ['ees_overall_absence_ytd', 163, 2],
        ],
      );
      assert.deepEqual(await observation(db(), 'ees_persistent_absence_ytd', 330, '2025/26'), {
        value: 21.6296946829734,
        suppression: null,
      });
      assert.deepEqual(await observation(db(), 'ees_persistent_absence_ytd', 970, '2025/26'), {
        value: 18.7817604593414,
        suppression: null,
      });
      assert.deepEqual(await observation(db(), 'ees_attendance_ytd', 933, '2025/26'), {
        value: 92.2895598919852,
        suppression: null,
      });
    },
  );

  it(
    'keeps the c marker for City of London attendance with no value',
    { skip: attendance.skip },
    async () => {
      assert.deepEqual(await observation(db(), 'ees_attendance_ytd', 201, '2025/26'), {
        value: null,
        suppression: 'c',
      });
    },
  );

  it(
    'imports the EYFS good level of development for all pupils, Inner and Outer London included',
    { skip: eyfsp.skip },
    async () => {
      const summary = await importEes(
        db(),
        eyfsp.path,
        path.join(mappings, 'eyfsp-good-level-of-development.yaml'),
      );
      assert.deepEqual(summary.rowsIgnoredByLevel, { 'Local authority district': 1860 });
      assert.equal(summary.rowsSkippedByFilter['characteristic=Ethnic group: major'], 2952);
      assert.equal(
        Object.values(summary.rowsSkippedByFilter).reduce((a, b) => a + b, 0),
        summary.rowsRead - summary.rowsUsed - 1860,
      );
      assert.equal(summary.measures[0]?.observations, 164);
      assert.deepEqual(await observation(db(), 'ees_eyfsp_gld', 970, '2021/22'), {
        value: 65.2,
        suppression: null,
      });
      assert.deepEqual(await observation(db(), 'ees_eyfsp_gld', 987, '2021/22'), {
        value: 67.5,
        suppression: null,
      });
      assert.deepEqual(await observation(db(), 'ees_eyfsp_gld', 988, '2021/22'), {
        value: 67.9,
        suppression: null,
      });
      assert.deepEqual(await observation(db(), 'ees_eyfsp_gld', 933, '2021/22'), {
        value: 64.3,
        suppression: null,
      });
    },
  );
});
