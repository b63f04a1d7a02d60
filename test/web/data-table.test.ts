import assert from 'node:assert/strict';
import { it } from 'node:test';
import ExcelJS from 'exceljs';
import { tableToCsv, tableToXlsx, type DataTable } from '../../src/web/tables/data-table.js';
import { downloadLinks, requestedDownload } from '../../src/web/tables/download.js';

const table: DataTable = {
  id: 'scorecard',
  caption: 'Key stage 2',
  fileName: 'lantern-test',
  columns: [{ header: 'Local authority' }, { header: 'Value', numeric: true }],
  rows: [
    [{ raw: 'Somerset' }, { raw: 57, text: '57.0' }],
    [{ raw: '=HYPERLINK("x")' }, { raw: -2.77 }],
    [{ raw: 'Bournemouth, Christchurch and Poole' }, { raw: null, text: 'c' }],
  ],
  notes: ['Source: LAIT'],
};

it('writes the raw values of a table as CSV with formulas neutralised', () => {
  const csv = tableToCsv(table);
  assert.equal(
    csv,
    '\uFEFFLocal authority,Value\r\nSomerset,57\r\n"\'=HYPERLINK(""x"")",-2.77\r\n"Bournemouth, Christchurch and Poole",\r\n\r\nSource: LAIT\r\n',
  );
});

it('writes a table as XLSX with numbers as numbers and formulas as text', async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await tableToXlsx(table)) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  assert.equal(sheet.getCell('A1').value, 'Local authority');
  assert.equal(sheet.getCell('B2').value, 57);
  assert.equal(sheet.getCell('A3').value, '\'=HYPERLINK("x")');
  assert.equal(sheet.getCell('B4').value, null);
});

it('reads a download request and builds links on the same URL', () => {
  assert.deepEqual(requestedDownload({ download: 'xlsx', table: 'a' }), {
    format: 'xlsx',
    tableId: 'a',
  });
  assert.equal(requestedDownload({ download: 'pdf' }), undefined);
  assert.deepEqual(downloadLinks('/measure/KS2?year=2025', table), {
    csv: '/measure/KS2?year=2025&download=csv&table=scorecard',
    xlsx: '/measure/KS2?year=2025&download=xlsx&table=scorecard',
  });
});

it('writes numbers as the data has them, without the binary noise arithmetic leaves', async () => {
  const noisy: DataTable = {
    ...table,
    rows: [
      [{ raw: 'Difference' }, { raw: 57.7 - 57 }],
      [{ raw: 'Average' }, { raw: 60.123456789012 }],
    ],
    notes: [],
  };
  assert.equal(57.7 - 57, 0.7000000000000028);
  assert.equal(
    tableToCsv(noisy),
    '\uFEFFLocal authority,Value\r\nDifference,0.7\r\nAverage,60.123456789012\r\n',
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await tableToXlsx(noisy)) as unknown as ArrayBuffer);
  assert.equal(workbook.worksheets[0]!.getCell('B2').value, 0.7);
});
