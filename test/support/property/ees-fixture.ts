import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../../src/core/db.js';
import { freshPglite } from '../db.js';
import { readAreaRefs, storedObservations, type AreaRefs, type ObsByMeasure } from './areas.js';
import { stringify } from 'yaml';
import { importEes } from '../../../src/sources/ees/ees.import.js';
import { eesVerdict, type EesEntryModel } from './ees-oracle.js';
import type { Table } from './mutations.js';
import { writeCsv } from './text-files.js';

/**
 * The small valid EES file and mapping the EES properties start from: England, a region, three
 * LAs, two years, a row of another level, and rows the filters leave out (Boys, age 18).
 */
export const eesHeader = [
  'time_period',
  'time_identifier',
  'geographic_level',
  'country_code',
  'region_code',
  'old_la_code',
  'new_la_code',
  'la_name',
  'characteristic',
  'age',
  'ind_a',
  'ind_b',
];

const la = (code: string, gss: string, region: string, name: string) => [region, code, gss, name];
const none = ['', '', '', ''];
const y = (
  year: string,
  level: string,
  place: string[],
  f: string,
  age: string,
  a: string,
  b: string,
) => [year, 'Calendar year', level, 'E92000001', ...place, f, age, a, b];

export const eesBase: Table<string> = {
  header: eesHeader,
  rows: [
    y('2023', 'National', none, 'Total', '16-17', '2.8', '5.1'),
    y('2023', 'National', none, 'Boys', '16-17', '3.0', '5.5'),
    y('2023', 'Regional', ['E12000004', '', '', ''], 'Total', '16-17', '2.4', 'c'),
    y(
      '2023',
      'Local authority',
      la('330', 'E08000025', 'E12000005', 'Birmingham'),
      'Total',
      '16-17',
      '3.2',
      '65.200000',
    ),
    y(
      '2023',
      'Local authority',
      la('933', 'E10000027', 'E12000009', 'Somerset'),
      'Total',
      '16-17',
      'c',
      '1.5e-05',
    ),
    y(
      '2023',
      'Local authority',
      la('933', 'E10000027', 'E12000009', 'Somerset'),
      'Total',
      '18',
      '7.0',
      '8.0',
    ),
    y(
      '2023',
      'Local authority district',
      ['E12000009', '', 'E07000187', 'Mendip'],
      'Total',
      '16-17',
      '4',
      '4.1',
    ),
    y('2022', 'National', none, 'Total', '16-17', '2.9', '5.0'),
    y(
      '2022',
      'Local authority',
      la('330', 'E08000025', 'E12000005', 'Birmingham'),
      'Total',
      '16-17',
      '3.3',
      'x',
    ),
    y(
      '2022',
      'Local authority',
      la('846', 'E06000043', 'E12000008', 'Brighton and Hove \u2013 caf\u00e9'),
      'Total',
      '16-17',
      '',
      'low',
    ),
  ],
};

export const eesMappingObject = {
  description: 'Property test mapping \u2013 caf\u00e9',
  filters: { characteristic: 'Total' },
  measures: [
    {
      indicator: 'ind_a',
      filters: { age: '16-17' },
      measure: {
        code: 'prop_a',
        name: 'Property A \u2013 caf\u00e9',
        topic: 'Property tests',
        polarity: 'low',
        decimalPlaces: 1,
        noQuartile: false,
      },
    },
    {
      indicator: 'ind_b',
      filters: { age: '16-17' },
      measure: { code: 'prop_b', name: 'Property B', topic: 'Property tests', polarity: 'high' },
    },
  ],
};

export const eesEntries: EesEntryModel[] = [
  { indicator: 'ind_a', filters: { characteristic: 'Total', age: '16-17' }, measure: 'prop_a' },
  { indicator: 'ind_b', filters: { characteristic: 'Total', age: '16-17' }, measure: 'prop_b' },
];
export const eesMeasures = eesEntries.map((e) => e.measure);

export const eesBaseCsv = () => writeCsv([eesBase.header, ...eesBase.rows]);

export interface EesStore {
  db: Database;
  areas: AreaRefs;
  dir: string;
  csvPath: string;
  mappingPath: string;
  /** What the base file says through the base mapping (and so what the store first holds). */
  baseExpected: ObsByMeasure;
}

/** A fresh store holding the base file imported through the base mapping, and a folder for the files. */
export async function openEesStore(): Promise<EesStore> {
  const db = await freshPglite();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-ees-property-'));
  const csvPath = path.join(dir, 'property.csv');
  const mappingPath = path.join(dir, 'property-mapping.yaml');
  fs.writeFileSync(mappingPath, stringify(eesMappingObject));
  fs.writeFileSync(csvPath, eesBaseCsv());
  await importEes(db, csvPath, mappingPath);
  const areas = await readAreaRefs(db);
  const baseExpected = eesVerdict(
    fs.readFileSync(csvPath),
    'property.csv',
    eesEntries,
    areas,
  ).expected;
  return { db, areas, dir, csvPath, mappingPath, baseExpected };
}

export async function closeEesStore(s: EesStore | undefined): Promise<void> {
  await s?.db.close();
  if (s) fs.rmSync(s.dir, { recursive: true, force: true });
}

/**
 * What the store must hold after importing a file that says `expected`: for each mapped measure,
 * the years in the file exactly as the file has them, and every other year as it was before.
 */
export function afterEesImport(before: ObsByMeasure, expected: ObsByMeasure): ObsByMeasure {
  const wanted: ObsByMeasure = new Map();
  for (const m of eesMeasures) {
    const years = new Map(before.get(m) ?? []);
    for (const y of years.keys()) if (expected.get(m)?.has(y)) years.delete(y);
    for (const [y, areas] of expected.get(m) ?? []) years.set(y, areas);
    if (years.size > 0) wanted.set(m, years);
  }
  return wanted;
}

export const eesObservations = (db: Database) => storedObservations(db, eesMeasures);
