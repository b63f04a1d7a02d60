import path from 'node:path';
import fs from 'node:fs';
import fc from 'fast-check';
import {
  baseNeighbours,
  neighboursFile,
  writeNeighbours,
  type LaitStore,
  type NeighbourSheet,
  shownText,
  type SheetCell,
  type SpecialCell,
} from './lait-fixture.js';
import { neighboursVerdict } from './lait-neighbours-oracle.js';
import {
  applyBinaryChange,
  binaryChange,
  describeBinaryChange,
  importChangedFolder,
  rowsDiffer,
  type BinaryChange,
} from './lait-run.js';
import {
  applyCellEdit,
  applyRowChanges,
  rowChangeFor,
  type CellEdit,
  type RowChange,
} from './mutations.js';
import type { PropertyDefinition } from './run.js';
import { changesThenBytes, clip, writeCsv } from './text-files.js';

/** A change to the workbook: its rows, cells and header, a cell's type (933 or "933"), the sheet's name. */
export type NeighbourChange =
  | RowChange
  | { kind: 'flipType'; row: number; column: number }
  | {
      kind: 'cellType';
      row: number;
      column: number;
      type: SpecialCell['special'] | 'formulaNoResult';
    }
  | { kind: 'sheetName'; name: string };

export interface NeighbourInput {
  changes: NeighbourChange[];
  bytes: BinaryChange | null;
}

const index = fc.noBias(fc.nat({ max: 63 }));
const focus = ['LA num', 'GOReg', 'SN1', 'SNP', 'SN2', 'SN10'].map((c) =>
  baseNeighbours.header.indexOf(c),
);
const column = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...focus) }, index);

const neighbourChange: fc.Arbitrary<NeighbourChange> = fc.oneof(
  { weight: 6, arbitrary: rowChangeFor(focus) },
  fc.record({ kind: fc.constant('flipType' as const), row: index, column }),
  fc.record({
    kind: fc.constant('cellType' as const),
    row: index,
    column,
    type: fc.constantFrom(
      'formula' as const,
      'formulaNoResult' as const,
      'error' as const,
      'date' as const,
      'bool' as const,
      'richText' as const,
      'hyperlink' as const,
    ),
  }),
  fc.record({
    kind: fc.constant('sheetName' as const),
    name: fc.constantFrom('LA SN groups', 'Sheet1', ' LA SN Groups', 'LA SN Groups (2)'),
  }),
);

const editCell = (cell: SheetCell, e: CellEdit): SheetCell => applyCellEdit(shownText(cell), e);

/** 933 ↔ "933" (what a sheet saved from another tool may hold). */
const flip = (c: SheetCell): SheetCell =>
  typeof c === 'number'
    ? String(c)
    : typeof c === 'string' && /^\d+$/.test(c.trim())
      ? Number(c)
      : c;

/** The cell as a formula (showing its value, or with no cached value), an error, a date, rich text... */
function retyped(
  c: SheetCell,
  type: Extract<NeighbourChange, { kind: 'cellType' }>['type'],
): SheetCell {
  const shown = c === null || typeof c === 'object' ? shownText(c) : c;
  if (type === 'formula') return { special: 'formula', result: shown };
  if (type === 'formulaNoResult') return { special: 'formula' };
  if (type === 'richText' || type === 'hyperlink') return { special: type, text: String(shown) };
  return { special: type };
}

/** Changes one cell; null when the sheet has no data row left. */
function changeCell(
  t: NeighbourSheet,
  c: Extract<NeighbourChange, { kind: 'flipType' | 'cellType' }>,
) {
  if (t.rows.length === 0) return null;
  const rows = t.rows.map((r) => [...r]);
  const row = rows[c.row % rows.length]!;
  const j = c.column % t.header.length;
  row[j] = c.kind === 'flipType' ? flip(row[j] ?? null) : retyped(row[j] ?? null, c.type);
  const now =
    typeof row[j] === 'object' && row[j] !== null ? JSON.stringify(row[j]) : typeof row[j];
  return {
    sheet: { ...t, rows },
    description: `data row ${(c.row % rows.length) + 1}, column "${t.header[j]}" as ${now}`,
  };
}

function build(i: NeighbourInput): { sheet: NeighbourSheet; description: string[] } {
  let t: NeighbourSheet = { ...baseNeighbours };
  const description: string[] = [];
  for (const c of i.changes) {
    if (c.kind === 'sheetName') {
      t = { ...t, sheetName: c.name };
      description.push(`sheet renamed ${JSON.stringify(c.name)}`);
    } else if (c.kind === 'flipType' || c.kind === 'cellType') {
      const done = changeCell(t, c);
      if (done) {
        t = done.sheet;
        description.push(done.description);
      }
    } else {
      const done = applyRowChanges(t, [c], editCell);
      t = { ...t, ...done.table };
      description.push(...done.description);
    }
  }
  return {
    sheet: t,
    description: [...description, describeBinaryChange(i.bytes)].filter(Boolean),
  };
}

function describe(i: NeighbourInput): string {
  const { sheet, description } = build(i);
  const rows = writeCsv([
    sheet.header,
    ...sheet.rows.map((r) =>
      r.map((c) =>
        c === null
          ? ''
          : typeof c === 'number'
            ? `${c}`
            : typeof c === 'object'
              ? JSON.stringify(c)
              : `'${c}'`,
      ),
    ),
  ]);
  return `the small neighbours workbook with: ${description.join('; ')}\n--- ${neighboursFile}, sheet ${JSON.stringify(sheet.sheetName)} from row 3, as CSV ---\n${clip(rows)}`;
}

/** The base LAIT folder with its 2025 neighbours workbook changed 1 to 3 times, then perhaps cut short. */
export function laitNeighboursProperty(store: () => LaitStore): PropertyDefinition<NeighbourInput> {
  return {
    name: 'LAIT statistical neighbours: complete or nothing',
    arbitrary: changesThenBytes(neighbourChange, binaryChange, 5),
    describe,
    async predicate(i) {
      const s = store();
      const { sheet } = build(i);
      const scratch = path.join(s.baseDir, `changed-${neighboursFile}`);
      await writeNeighbours(scratch, sheet);
      const { bytes, state } = applyBinaryChange(fs.readFileSync(scratch), i.bytes);
      const v = neighboursVerdict(sheet, s.areas, state);
      const neighbours = [...v.expected].flatMap(([la, m]) =>
        m.neighbours.map((n) => ({ la_code: la, ...n })),
      );
      const regions = [...v.expected].map(([la, m]) => ({ la_code: la, region_code: m.region }));
      const order = (a: { la_code: number }, b: { la_code: number }) => a.la_code - b.la_code;
      await importChangedFolder(s, neighboursFile, bytes, v, async () => [
        ...(await rowsDiffer(
          s.db,
          'neighbours',
          `select la_code, position, neighbour_code as code, closeness from statistical_neighbour where set_version = '2025' order by la_code, position`,
          [],
          neighbours.sort((a, b) => order(a, b) || a.position - b.position),
        )),
        ...(await rowsDiffer(
          s.db,
          'regions',
          `select la_code, region_code from la_region_assignment where set_version = '2025' order by la_code`,
          [],
          regions.sort(order),
        )),
      ]);
    },
  };
}
