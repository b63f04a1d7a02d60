import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { hasDemoData, loadDemo } from '../../src/demo/demo.service.js';
import { importEes } from '../../src/sources/ees/ees.import.js';
import { describeEachDatabase } from '../support/db.js';
import { realData } from '../support/real-data.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const neet = realData('ees_neet_la_nccis/UD_NEETNK_LA_dashboard_final.csv');

describeEachDatabase('importing real data', (db) => {
  it('importing an EES file removes the synthetic demo data', { skip: neet.skip }, async () => {
    await loadDemo(db());
    assert.equal(await hasDemoData(db()), true);
    await importEes(db(), neet.path, path.join(root, 'mappings/ees/neet-16-17.yaml'));
    assert.equal(await hasDemoData(db()), false);
    const [row] = await db().query<{ n: number }>(
      `select count(*)::int as n from release where source = 'demo'`,
    );
    assert.equal(row?.n, 0);
  });
});
