import { addObs, hasObs, type AreaRefs, type Obs, type ObsByMeasure } from './areas.js';
import { bdsFile, type BdsCell, type BdsTable } from './lait-fixture.js';
import { newVerdict, type Place, type Verdict } from './verdict.js';

/** What a LAIT data file (bds_long_0.parquet) says, from docs/sources-lait.md "Data file" (not from the importer). */

// The markers as docs/sources-lait.md lists them; kept apart from the importer's own list on purpose.
const markers = [
  '-',
  '..',
  ':',
  '*',
  'c',
  'x',
  'z',
  'u',
  'k',
  'low',
  'supp',
  'ne',
  'np',
  'na',
  'n/a',
  'lowcov',
  '[c]',
  '[x]',
  '[z]',
  '[u]',
  '[k]',
  '[low]',
];
const numberText = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const file = bdsFile;

/** A Values cell: a finite number, a marker (kept as published), missing, or not a value (null). */
export function laitValue(cell: BdsCell): Obs | null {
  if (cell === null) return { value: null, suppression: null };
  const t = String(cell).trim();
  if (t === '') return { value: null, suppression: null };
  if (markers.includes(t.toLowerCase())) return { value: null, suppression: t };
  if (!numberText.test(t) || !Number.isFinite(Number(t))) return null;
  return { value: Number(t), suppression: null };
}

/** An LA Number cell: a whole number naming an area Lantern knows, or null. */
function laitArea(cell: BdsCell, areas: AreaRefs): number | null {
  let n: number;
  if (typeof cell === 'number') n = cell;
  else if (typeof cell === 'string' && /^\s*\d+(\.0+)?\s*$/.test(cell)) n = Number(cell);
  else return null;
  return Number.isInteger(n) && areas.areaCodes.has(n) ? n : null;
}

interface Columns {
  code: number;
  years: number;
  values: number;
  la: number;
}

function readHeader(v: Verdict<ObsByMeasure>, header: string[]): Columns | null {
  const needed = ['Short Desc', 'Years', 'Values', 'LA Number'];
  for (const c of needed)
    if (!header.includes(c)) v.must.push({ file, columns: [c], why: 'a required column' });
  if (v.must.length > 0) return null;
  const at = (c: string) => header.indexOf(c);
  return { code: at('Short Desc'), years: at('Years'), values: at('Values'), la: at('LA Number') };
}

/** One row: an observation, passed over (undocumented measure, label "0" and no value), or problems. */
function readRow(
  v: Verdict<ObsByMeasure>,
  cells: BdsCell[],
  row: number,
  c: Columns,
  codes: ReadonlySet<string>,
  areas: AreaRefs,
): void {
  const place = (column: string, why: string): Place => ({ file, row, columns: [column], why });
  // Every cell read is one line: a control character (NUL, a line break inside it) is refused.
  const damaged = (['code', 'years', 'values', 'la'] as const).filter((k) =>
    /[\u0000-\u001f\u007f-\u009f]/.test(cells[c[k]] === null ? '' : String(cells[c[k]]).trim()),
  );
  const names = { code: 'Short Desc', years: 'Years', values: 'Values', la: 'LA Number' };
  for (const k of damaged) v.must.push(place(names[k], 'no control character'));
  if (damaged.length > 0) return;
  const code = cells[c.code] === null ? '' : String(cells[c.code]).trim();
  if (code === '') {
    v.must.push(place('Short Desc', 'a measure code'));
    return;
  }
  if (!codes.has(code)) return;
  const area = laitArea(cells[c.la]!, areas);
  if (area === null) v.must.push(place('LA Number', 'an area Lantern knows'));
  const value = laitValue(cells[c.values]!);
  if (value === null) v.must.push(place('Values', 'a number or a marker'));
  const label = cells[c.years] === null ? '' : String(cells[c.years]).trim();
  // Too long to index, with a year or not ("0" + junk): the importer may refuse it.
  if (Buffer.byteLength(label) > 1000) v.may.push(place('Years', 'a label too long to index'));
  if (!/^\d{4}/.test(label)) {
    // Only a row labelled "0" (LAIT's year-0 rows) with no number is passed over; any other label is refused.
    if (label !== '0' || value === null || value.value !== null)
      v.must.push(place('Years', 'a year label'));
    return;
  }
  if (area === null || value === null) return;
  if (hasObs(v.expected, code, label, area)) {
    v.must.push({
      file,
      row,
      columns: ['Years', 'LA Number', 'Short Desc'],
      why: 'a second row for this measure, area and year',
    });
    return;
  }
  addObs(v.expected, code, label, area, value);
}

/** `codes`: the dictionary's measure codes; `cut`: the file's bytes were cut short. */
export function bdsVerdict(
  t: BdsTable,
  codes: ReadonlySet<string>,
  areas: AreaRefs,
  bytes: 'whole' | 'cut' | 'empty',
): Verdict<ObsByMeasure> {
  const v = newVerdict<ObsByMeasure>(new Map());
  if (bytes !== 'whole') {
    // An empty workbook or parquet file is one cut short: "cut short or damaged" says enough.
    v.must.push({ file, why: bytes === 'empty' ? 'the file is empty' : 'cut short' });
    return v;
  }
  const columns = readHeader(v, t.header);
  if (columns === null) return v;
  t.rows.forEach((cells, i) => readRow(v, cells, i + 2, columns, codes, areas));
  if (v.must.length === 0 && v.expected.size === 0) {
    v.must.push({ file, why: 'no observations of any measure in the dictionary' });
    return { ...v, label: 'empty' };
  }
  return v;
}
