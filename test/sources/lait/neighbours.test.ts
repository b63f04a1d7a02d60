import assert from 'node:assert/strict';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, it } from 'node:test';
import { readReferenceAreas } from '../../../src/measures/areas.js';
import {
  neighbourFileVersion,
  parseNeighbourRows,
  sentenceCase,
  type NeighbourContext,
} from '../../../src/sources/lait/neighbours.js';
import { readNeighbourSheet } from '../../../src/sources/lait/neighbours-reader.js';
import { realData } from '../../support/real-data.js';

const areas = readReferenceAreas();
const context: NeighbourContext = {
  laCodes: new Set(areas.filter((a) => a.kind === 'la').map((a) => a.code)),
  regionCodes: new Map(
    areas.filter((a) => a.kind === 'region').map((a) => [a.name.toLowerCase(), a.code]),
  ),
};

async function parseReal(file: string, version: string) {
  const rows = await readNeighbourSheet(fs.readFileSync(file));
  return parseNeighbourRows(rows!, version, 'test', context);
}

describe('LAIT statistical neighbours', () => {
  it('reads the version and month from the file name', () => {
    assert.deepEqual(neighbourFileVersion('sn_may_2025.xlsx'), { version: '2025', month: 'May' });
  });

  it('normalises "Very Close" to sentence case', () => {
    assert.equal(sentenceCase('Very Close'), 'Very close');
  });

  it('normalises a "-" closeness to null', () => {
    assert.equal(sentenceCase('-'), null);
  });

  const may2025 = realData('lait/sn_may_2025.xlsx');
  it(
    'parses the 2025 file into 158 LAs with 10 neighbours each',
    { skip: may2025.skip },
    async () => {
      const parsed = await parseReal(may2025.path, '2025');
      assert.deepEqual(parsed.problems, []);
      assert.equal(parsed.set.neighbours.size, 158);
      assert.ok([...parsed.set.neighbours.values()].every((list) => list.length === 10));
    },
  );

  it("parses Somerset's 2025 neighbours in SN1..SN10 order", { skip: may2025.skip }, async () => {
    const parsed = await parseReal(may2025.path, '2025');
    assert.deepEqual(
      parsed.set.neighbours.get(933)?.map((n) => n.code),
      [935, 830, 838, 893, 885, 891, 878, 860, 855, 881],
    );
  });

  it(
    'parses the pre-reorganisation councils below "Old SNs:" with sentence-case closeness',
    { skip: may2025.skip },
    async () => {
      const parsed = await parseReal(may2025.path, '2025');
      assert.deepEqual(parsed.set.neighbours.get(909)?.[0], {
        code: 925,
        closeness: 'Extremely close',
      });
    },
  );

  it('maps GOReg "London (Inner)" to region 987', { skip: may2025.skip }, async () => {
    const parsed = await parseReal(may2025.path, '2025');
    assert.equal(parsed.set.regions.get(202), 987);
  });

  const april2021 = realData('lait/sn_april_2021.xlsx');
  it(
    'skips Cumberland and Westmorland, which had no neighbours in 2021',
    { skip: april2021.skip },
    async () => {
      const parsed = await parseReal(april2021.path, '2021');
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(parsed.skippedLas, [942, 943]);
      assert.equal(parsed.set.neighbours.size, 156);
    },
  );

  const header = {
    row: 3,
    cells: ['LA num', 'LA Name', 'GOReg', ...Array.from({ length: 10 }, (_, k) => `SN${k + 1}`)],
  };
  const somerset = [935, 830, 838, 893, 885, 891, 878, 860, 855, 881];

  for (const code of ['0x3A5', '9.33e2x', '933.5', '']) {
    it(`reports an SN1 cell "${code}" that is not a whole LA code as a problem`, () => {
      const parsed = parseNeighbourRows(
        [header, { row: 4, cells: [933, 'Somerset', 'South West', code, ...somerset.slice(1)] }],
        '2025',
        'test',
        context,
      );
      assert.deepEqual(
        parsed.problems.map((p) => [p.row, p.column, p.value]),
        [[4, 'SN1', code]],
      );
    });
  }

  it('reports a row giving neighbours for no LA (LA num blank) instead of passing over it', () => {
    const parsed = parseNeighbourRows(
      [
        header,
        { row: 4, cells: ['', 'Somerset', 'South West', ...somerset] },
        { row: 5, cells: ['', 'Old SNs:'] },
        { row: 6, cells: ['', '', '', '-', '-'] },
      ],
      '2025',
      'test',
      context,
    );
    assert.deepEqual(
      parsed.problems.map((p) => [p.row, p.column]),
      [[4, 'LA num']],
    );
  });

  it('reads LA codes the workbook holds as text ("933") as well as numbers', () => {
    const parsed = parseNeighbourRows(
      [header, { row: 4, cells: ['933', 'Somerset', 'South West', ...somerset.map(String)] }],
      '2025',
      'test',
      context,
    );
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(
      parsed.set.neighbours.get(933)?.map((n) => n.code),
      somerset,
    );
  });
});

describe('LAIT statistical neighbours: Excel error cells', () => {
  it('reads an error cell as what Excel shows, so an LA number #N/A is refused by name', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('LA SN Groups');
    sheet.addRow([
      'LA num',
      'LA Name',
      'GOReg',
      ...Array.from({ length: 10 }, (_, k) => `SN${k + 1}`),
    ]);
    // Cumberland's row (no neighbours yet) with its LA number broken: passed over as blank before.
    sheet.addRow([{ error: '#N/A' }, 'Cumberland', 'North West', ...Array(10).fill('-')]);
    const rows = await readNeighbourSheet(Buffer.from(await workbook.xlsx.writeBuffer()));
    assert.equal(rows![1]!.cells[0], '#N/A');
    const parsed = parseNeighbourRows(rows!, '2025', 'test', context);
    assert.deepEqual(
      parsed.problems.map((p) => [p.row, p.column, p.value]),
      [[2, 'LA num', '#N/A']],
    );
  });

  it('reads a formula saved without its result as its text, refused by name', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('LA SN Groups');
    sheet.addRow([
      'LA num',
      'LA Name',
      'GOReg',
      ...Array.from({ length: 10 }, (_, k) => `SN${k + 1}`),
    ]);
    sheet.addRow([{ formula: 'C7' }, 'Cumberland', 'North West', ...Array(10).fill('-')]);
    const rows = await readNeighbourSheet(Buffer.from(await workbook.xlsx.writeBuffer()));
    const parsed = parseNeighbourRows(rows!, '2025', 'test', context);
    assert.deepEqual(
      parsed.problems.map((p) => [p.row, p.column, p.value]),
      [[2, 'LA num', '=C7']],
    );
  });

  it('shows no closeness for an error cell or a formula without its result', () => {
    assert.equal(sentenceCase('#N/A'), null);
    assert.equal(sentenceCase('=C7'), null);
  });
});
