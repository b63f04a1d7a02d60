import { dictionaryFile } from './lait-fixture.js';
import { newVerdict, readCsvFile, twoColumnsOfOneName, type Verdict } from './verdict.js';

/** What a LAIT data dictionary says, from docs/sources-lait.md "Dictionary" (not from the importer). */

export interface MeasureModel {
  code: string;
  name: string;
  topic: string;
  polarity: 'high' | 'low' | null;
  decimal_places: number;
  decimal_places_published: boolean;
  no_quartile: boolean;
}

// The columns as docs/sources-lait.md lists them; kept apart from the importer's own list on purpose.
const required = [
  'Measure_short',
  'Topic',
  'Measure',
  'Polarity',
  'dps',
  'No_Quartile',
  'Table_status',
];

/** The columns whose values reach the store (every column is checked for duplicates). */
export const dictionaryColumnsRead = [...required, 'Last Update'];

interface Row {
  row: number;
  code: string;
  name: string;
  topic: string | null;
  polarity: 'high' | 'low' | null;
  dps: number | null;
  noQuartile: boolean;
}

type Cells = Record<string, string | null>;
const file = dictionaryFile;

/**
 * No cell read holds a control character (src/sources/lait/text-cells.ts); the prose columns may hold tabs
 * and line breaks (the DfE's descriptions do), the codes and flags not even those.
 */
const oneLine = ['Measure_short', 'Polarity', 'dps', 'No_Quartile'];
const prose = [
  'Topic',
  'Measure',
  'Table_status',
  'Chart_title',
  'y_axis_name',
  'Year_Type',
  'Description',
  'Methodology',
  'Data Owner (DO) /Supplier and Contact Details',
  'Hyperlink(s)',
  'Last Update',
  'Next Update',
];
const control = /[\u0000-\u001f\u007f-\u009f]/;
const prototypeNames = [...Object.getOwnPropertyNames(Object.prototype), 'prototype'];
const controlButTabsAndLineBreaks = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** One row's reading, or null with its problems added. */
function readRow(v: Verdict<MeasureModel[]>, c: Cells, row: number): Row | null {
  const problem = (column: string, why: string) =>
    v.must.push({ file, row, columns: [column], why });
  const damaged = [
    ...oneLine.filter((k) => control.test(c[k] ?? '')),
    ...prose.filter((k) => controlButTabsAndLineBreaks.test(c[k] ?? '')),
  ];
  for (const k of damaged) problem(k, 'no control character');
  if (damaged.length > 0) return null;
  const code = c.Measure_short ?? null;
  if (code === null) problem('Measure_short', 'a measure code');
  else if (Buffer.byteLength(code) > 1000)
    v.may.push({ file, row, columns: ['Measure_short'], why: 'a code too long to index' });
  // src/measures/measure-code.ts: a plain code of letters, digits and _ always passes; anything
  // else, or a name every object has, may be refused.
  else if (!/^[A-Za-z0-9_]{1,64}$/.test(code) || prototypeNames.includes(code))
    v.may.push({
      file,
      row,
      columns: ['Measure_short'],
      why: 'a code the measure-code rule may refuse',
    });
  const p = c.Polarity ?? null;
  if (p !== null && !['High', 'Low', '-'].includes(p))
    problem('Polarity', '"High", "Low", "-" or NA');
  const dps = c.dps ?? null;
  if (dps !== null && !/^\d{1,2}$/.test(dps)) problem('dps', 'a whole number of decimal places');
  const nq = c.No_Quartile ?? null;
  if (nq !== null && nq !== 'N' && nq !== 'Y') problem('No_Quartile', '"N", "Y" or NA');
  // docs/sources-lait.md: a date column holds an Excel day number (1 to 2958465) or text ("TBC").
  for (const column of ['Last Update', 'Next Update'] as const) {
    const text = c[column]?.trim() ?? '';
    const day = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : NaN;
    if (Number.isFinite(day) && (day < 1 || day > 2_958_465))
      problem(column, 'an Excel day number');
  }
  if (code === null) return null;
  return {
    row,
    code,
    name: c.Measure ?? code,
    topic: c.Topic ?? null,
    polarity: p === 'High' ? 'high' : p === 'Low' ? 'low' : null,
    dps: dps !== null && /^\d{1,2}$/.test(dps) ? Number(dps) : null,
    noQuartile: nq === 'N',
  };
}

/** The rows of one code as one measure (docs: "Several dictionary rows for one Measure_short"). */
function merge(v: Verdict<MeasureModel[]>, rows: Row[]): MeasureModel {
  const published = <T>(column: string, values: (T | null)[]): T | null => {
    const distinct = [...new Set(values.filter((x) => x !== null))];
    if (distinct.length > 1)
      v.must.push({
        file,
        row: rows[values.indexOf(distinct[1]!)]!.row,
        columns: [column],
        why: 'differs from the earlier row',
      });
    return distinct[0] ?? null;
  };
  const dps = published(
    'dps',
    rows.map((r) => r.dps),
  );
  return {
    code: rows[0]!.code,
    name: rows[0]!.name,
    topic: [...new Set(rows.map((r) => r.topic).filter((t) => t !== null))].join(' / '),
    polarity: published(
      'Polarity',
      rows.map((r) => r.polarity),
    ),
    decimal_places: dps ?? 1,
    decimal_places_published: dps !== null,
    no_quartile: rows.some((r) => r.noQuartile),
  };
}

function readHeader(v: Verdict<MeasureModel[]>, header: string[]): string[] | null {
  const names = header.map((h) => h.trim());
  // Any column given twice, read or not (docs/sources-lait.md: a pasted-in copy is refused).
  for (const c of new Set(names))
    if (c !== '' && names.filter((n) => n === c).length > 1) twoColumnsOfOneName(v, file, c);
  for (const c of required)
    if (!names.includes(c)) v.must.push({ file, columns: [c], why: 'a required column' });
  return v.must.some((p) => p.row === undefined) ? null : names;
}

export function dictionaryVerdict(bytes: Buffer): Verdict<MeasureModel[]> {
  const v = newVerdict<MeasureModel[]>([]);
  const csv = readCsvFile(bytes, file, v);
  if (csv === null) return v;
  const { header, records } = csv;
  const names = readHeader(v, header);
  if (names === null) return v;
  const byCode = new Map<string, Row[]>();
  records.forEach((rec, i) => {
    if (rec.length !== names.length) return;
    const cells: Cells = Object.fromEntries(
      names.map((n, j) => {
        const t = rec[j]!.trim();
        return [n, t === '' || t === 'NA' ? null : t];
      }),
    );
    if (cells.Table_status?.includes('DISCONTINUE')) return;
    const r = readRow(v, cells, i + 2);
    if (r) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
  });
  v.expected = [...byCode.values()].map((rows) => merge(v, rows));
  if (v.must.length === 0 && v.expected.length === 0) {
    v.must.push({ file, why: 'the dictionary has no measures' });
    return { ...v, label: 'empty' };
  }
  return v;
}
