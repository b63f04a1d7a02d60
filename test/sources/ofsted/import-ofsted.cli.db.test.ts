import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import { importOfstedCommand } from '../../../src/cli/import-ofsted.js';
import { runCli } from '../../../src/cli/main.js';
import { LanternError } from '../../../src/core/errors.js';
import { testCliContext } from '../../support/cli.js';
import { describeEachDatabase } from '../../support/db.js';
import { realData } from '../../support/real-data.js';

const leeds = realData('ofsted_mi_leeds/leeds_ofsted_data.csv');

describeEachDatabase('lantern import ofsted', (db) => {
  it('imports a file and prints a short summary', { skip: leeds.skip }, async () => {
    const { ctx, out } = testCliContext(db());
    await importOfstedCommand(ctx, { path: leeds.path });
    assert.match(
      out(),
      /^Imported Ofsted management information from leeds_ofsted_data\.csv \(release \d+\)\.\n {2}leeds_ofsted_data\.csv \(latest inspections of each school\): 279 rows, 304 inspections \(2 report cards, 170 graded, 132 ungraded\)\nInspections: 304 new, 0 updated\. Schools new to the register: 294\.\nLA Ofsted measures recomputed: SCH_OFSTED_GOOD_SCHOOLS 2024 \(to 16 Jul\), .*\n$/,
    );
  });

  it('refuses a path that does not exist, before opening the store', async () => {
    const { ctx } = testCliContext(db());
    await assert.rejects(
      importOfstedCommand(ctx, { path: path.join('/nonexistent', 'ofsted.csv') }),
      (e: unknown) =>
        e instanceof LanternError &&
        e.code === 'LANTERN_FILE_NOT_FOUND' &&
        /Ofsted management-information file or folder not found/.test(e.message),
    );
  });

  it('runs as `lantern import ofsted <path>`, exit code 1 and the code for a missing path', async () => {
    const { ctx, err } = testCliContext(db());
    const code = await runCli(['import', 'ofsted', '/nonexistent/ofsted.csv'], ctx);
    assert.equal(code, 1);
    assert.match(err(), /not found: \/nonexistent\/ofsted\.csv \[LANTERN_FILE_NOT_FOUND\]/);
  });
});
