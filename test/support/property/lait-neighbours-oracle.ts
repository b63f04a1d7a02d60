import type { AreaRefs } from './areas.js';
import {
  neighboursFile,
  shownText,
  unknownCell,
  type NeighbourSheet,
  type SheetCell,
} from './lait-fixture.js';
import { newVerdict, twoColumnsOfOneName, type Verdict } from './verdict.js';

/** What a statistical-neighbour workbook says, from docs/sources-lait.md "Statistical neighbours". */

export interface NeighbourModel {
  region: number;
  /** SN1..SN10 in order. */
  neighbours: { position: number; code: number; closeness: string | null }[];
}

const file = neighboursFile;
const text = shownText;
const isEmpty = (c: SheetCell | undefined) => text(c) === '' || text(c) === '-';

/** "Very Close" → "Very close"; "-" or blank → null. */
function closeness(c: SheetCell | undefined): string | null {
  const t = text(c);
  if (t === '' || t === '-' || t === unknownCell) return null;
  return t[0]!.toUpperCase() + t.slice(1).toLowerCase();
}

interface Layout {
  la: number;
  region: number;
  sn: { code: number; closeness: number | null }[];
}

function readHeader(v: Verdict<Map<number, NeighbourModel>>, header: string[]): Layout | null {
  const names = header.map((h) => text(h));
  const needed = ['LA num', 'GOReg', ...Array.from({ length: 10 }, (_, k) => `SN${k + 1}`)];
  for (const c of needed) {
    const n = names.filter((h) => h === c).length;
    if (n === 0) v.must.push({ file, columns: [c], why: 'a required column' });
    else if (n > 1) twoColumnsOfOneName(v, file, c);
  }
  if (v.must.length > 0) return null;
  const sn = Array.from({ length: 10 }, (_, k) => {
    const code = names.indexOf(`SN${k + 1}`);
    return { code, closeness: names[code + 1] === 'SNP' ? code + 1 : null };
  });
  return { la: names.indexOf('LA num'), region: names.indexOf('GOReg'), sn };
}

/** Every cell read is one line: a control character (NUL, a line break in it) is refused (src/sources/lait/text-cells.ts). */
function controlCharacters(
  v: Verdict<Map<number, NeighbourModel>>,
  cells: SheetCell[],
  row: number,
  l: Layout,
): boolean {
  const read: [number, string][] = [
    [l.la, 'LA num'],
    [l.region, 'GOReg'],
    ...l.sn.flatMap((s, k): [number, string][] => [
      [s.code, `SN${k + 1}`],
      ...(s.closeness === null ? [] : [[s.closeness, 'SNP'] as [number, string]]),
    ]),
  ];
  const damaged = read.filter(
    ([j]) => text(cells[j]) !== unknownCell && /[\u0000-\u001f\u007f-\u009f]/.test(text(cells[j])),
  );
  for (const [, column] of damaged)
    v.must.push({ file, row, columns: [column], why: 'no control character' });
  return damaged.length > 0;
}

function readRow(
  v: Verdict<Map<number, NeighbourModel>>,
  cells: SheetCell[],
  row: number,
  l: Layout,
  areas: AreaRefs,
  skipped: Set<number>,
): void {
  if (controlCharacters(v, cells, row, l)) return;
  const laText = text(cells[l.la]);
  if (laText === '') {
    // A blank line or a heading is passed over; a row of neighbours without its LA is not.
    if (!l.sn.every((s) => isEmpty(cells[s.code])))
      v.must.push({ file, row, columns: ['LA num'], why: 'neighbours for no LA' });
    return;
  }
  const la = Number(laText);
  if (!Number.isInteger(la) || !areas.laCodes.has(la)) {
    v.must.push({ file, row, columns: ['LA num'], why: 'an LA Lantern knows' });
    return;
  }
  if (v.expected.has(la) || skipped.has(la)) {
    v.must.push({ file, row, columns: ['LA num'], why: 'each LA once' });
    return;
  }
  if (l.sn.every((s) => isEmpty(cells[s.code]))) {
    skipped.add(la); // no neighbours yet (Cumberland in 2021)
    return;
  }
  const problems = v.must.length;
  const region = areas.regionByName.get(text(cells[l.region]).toLowerCase());
  if (region === undefined)
    v.must.push({ file, row, columns: ['GOReg'], why: 'an English region name' });
  const neighbours: NeighbourModel['neighbours'] = [];
  l.sn.forEach((s, k) => {
    const code = Number(text(cells[s.code]));
    if (text(cells[s.code]) === '' || !Number.isInteger(code) || !areas.laCodes.has(code))
      v.must.push({ file, row, columns: [`SN${k + 1}`], why: 'an LA Lantern knows' });
    else {
      if (s.closeness !== null && text(cells[s.closeness]) === unknownCell)
        v.may.push({ file, row, columns: ['SNP'], why: 'a closeness Excel cannot show' });
      neighbours.push({
        position: k + 1,
        code,
        closeness: s.closeness === null ? null : closeness(cells[s.closeness]),
      });
    }
  });
  if (v.must.length === problems && region !== undefined)
    v.expected.set(la, { region, neighbours });
}

/** The header is on sheet row 3 (after two rows of notes, as the DfE file); data from row 4. */
export function neighboursVerdict(
  t: NeighbourSheet,
  areas: AreaRefs,
  bytes: 'whole' | 'cut' | 'empty',
): Verdict<Map<number, NeighbourModel>> {
  const v = newVerdict(new Map<number, NeighbourModel>());
  if (bytes !== 'whole') {
    // An empty workbook or parquet file is one cut short: "cut short or damaged" says enough.
    v.must.push({ file, why: bytes === 'empty' ? 'the file is empty' : 'cut short' });
    return v;
  }
  if (t.sheetName !== 'LA SN Groups') {
    v.must.push({ file, why: 'no sheet "LA SN Groups"' });
    return v;
  }
  const layout = readHeader(v, t.header);
  if (layout === null) return v;
  const skipped = new Set<number>();
  t.rows.forEach((cells, i) => readRow(v, cells, i + 4, layout, areas, skipped));
  if (v.must.length === 0 && v.expected.size === 0) {
    v.must.push({ file, why: 'no LA has neighbours' });
    return { ...v, label: 'empty' };
  }
  return v;
}
