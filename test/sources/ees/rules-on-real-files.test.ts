import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readReferenceAreas } from '../../../src/measures/areas.js';
import { parseCsvTable } from '../../../src/sources/shared/csv-table.js';
import { simplified } from '../../../src/sources/ees/filters.js';
import { buildAreaIndex, resolveArea } from '../../../src/sources/ees/geography.js';
import { realData } from '../../support/real-data.js';

// The refusal rules (docs/sources-ees.md) must not refuse a file as the DfE publishes it.
const data = realData('.');
/** EES data files have a geographic_level column; guidance and metadata files do not. */
const isDataFile = (file: string) =>
  fs.readFileSync(file, 'utf8').split('\n', 1)[0]!.includes('geographic_level');
const eesFiles = data.skip
  ? []
  : fs
      .readdirSync(data.path)
      .filter((d) => d.startsWith('ees_'))
      .flatMap((d) =>
        fs
          .readdirSync(path.join(data.path, d))
          .filter((f) => f.endsWith('.csv'))
          .map((f) => path.join(data.path, d, f)),
      )
      .filter(isDataFile);

function read(file: string) {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  return parseCsvTable(text, path.basename(file));
}

describe('EES refusal rules on the real files', { skip: data.skip }, () => {
  const index = buildAreaIndex(readReferenceAreas());

  it('finds EES files to check', () => {
    assert.ok(eesFiles.length >= 20, `${eesFiles.length} files`);
  });

  for (const file of eesFiles) {
    const name = path.relative(data.path, file);
    it(`finds no blank or look-alike geographic level in ${name}`, () => {
      const table = read(file);
      const unclear = table.rows
        .map((r) => resolveArea(r, index))
        .filter((a) => a.kind === 'unclear')
        .map((a) => (a as { level: string }).level);
      assert.deepEqual([...new Set(unclear)], []);
    });

    // Filters are columns of a few categories (phase, sex, age...); names and addresses are not.
    it(`finds no two values of a filter-like column that differ only in case, spaces, dashes or invisible characters in ${name}`, () => {
      const table = read(file);
      const clashes: string[] = [];
      for (const column of table.columns) {
        const values = new Set(table.rows.map((r) => (r[column] ?? '').trim()));
        if (values.size > 200) continue;
        // The near-miss rule (filters.ts nearlyEqual): an invisible character dropped, or a space.
        for (const invisibleAs of ['', ' '] as const) {
          const bySpelling = new Map<string, string>();
          for (const value of values) {
            const other = bySpelling.get(simplified(value, invisibleAs));
            if (other === undefined) bySpelling.set(simplified(value, invisibleAs), value);
            else clashes.push(`${column}: "${other}" / "${value}"`);
          }
        }
      }
      assert.deepEqual([...new Set(clashes)], []);
    });
  }
});
