import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { observationDifferences, storedObservations } from './areas.js';
import { bdsVerdict } from './lait-bds-oracle.js';
import { dictionaryVerdict } from './lait-dictionary-oracle.js';
import {
  baseBds,
  baseDictionary,
  bdsFile,
  controlCellChange,
  writeBds,
  type BdsCell,
  type BdsTable,
  type BdsType,
  type LaitStore,
} from './lait-fixture.js';
import {
  applyBinaryChange,
  binaryChange,
  describeBinaryChange,
  importChangedFolder,
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

/** A change to the data file: to its rows, cells and column names, or a column's type. */
export type BdsChange = RowChange | { kind: 'retype'; column: 'LA Number' | 'Values' | 'Years' };

export interface BdsInput {
  changes: BdsChange[];
  bytes: BinaryChange | null;
}

const columnsRead = ['Short Desc', 'Years', 'Values', 'LA Number'].map((c) =>
  baseBds.header.indexOf(c),
);

const bdsChange: fc.Arbitrary<BdsChange> = fc.oneof(
  { weight: 6, arbitrary: rowChangeFor(columnsRead) },
  {
    weight: 1,
    arbitrary: controlCellChange(columnsRead, [
      'GLD\u0000',
      'PerAbs\u0000',
      '2024\u0000',
      '20\u000124',
      '67.5\u0000',
      '\u001b[31m5',
      'GL\nD',
      '2024\u007f',
      'CINPermAbsent\u0085',
    ]),
  },
  fc.record({
    kind: fc.constant('retype' as const),
    column: fc.constantFrom('LA Number' as const, 'Values' as const, 'Years' as const),
  }),
);

/** A number cell changed as a spreadsheet or export would: 1e400 becomes Infinity, "x" NaN. */
function editCell(cell: BdsCell, e: CellEdit): BdsCell {
  if (typeof cell !== 'number') return applyCellEdit(cell ?? '', e);
  if (e.kind === 'text') return e.text.trim() === '' ? null : Number(e.text);
  if (e.kind === 'dash') return -cell;
  if (e.kind === 'long') return cell + 0.5;
  return e.kind === 'unicode' ? NaN : cell;
}

/** Each cell as its column's type holds it (text in a DOUBLE column becomes a number or NaN). */
function typed(cell: BdsCell, type: BdsType): BdsCell {
  if (cell === null) return null;
  if (type === 'VARCHAR') return String(cell);
  if (typeof cell === 'number') return cell;
  return cell.trim() === '' ? null : Number(cell);
}

function build(i: BdsInput): { table: BdsTable; description: string[] } {
  let t: BdsTable = { ...baseBds, types: [...baseBds.types] };
  const description: string[] = [];
  for (const c of i.changes) {
    if (c.kind === 'retype') {
      const j = t.header.indexOf(c.column);
      if (j < 0) continue;
      t.types[j] = t.types[j] === 'DOUBLE' ? 'VARCHAR' : 'DOUBLE';
      description.push(`column "${c.column}" written as ${t.types[j]}`);
    } else {
      const done = applyRowChanges(t, [c], editCell);
      description.push(...done.description);
      const dropped = c.kind === 'dropColumn' ? c.column % t.header.length : -1;
      t = { ...done.table, types: t.types.filter((_, j) => j !== dropped) };
    }
    t = { ...t, rows: t.rows.map((r) => r.map((cell, j) => typed(cell, t.types[j]!))) };
  }
  return {
    table: { ...t, header: asDuckDbNames(t.header) },
    description: [...description, describeBinaryChange(i.bytes)].filter(Boolean),
  };
}

/** DuckDB writes a second column of one name as "name_1" (a parquet file never holds two). */
function asDuckDbNames(header: string[]): string[] {
  const seen = new Set<string>();
  return header.map((h) => {
    let name = h;
    for (let k = 1; seen.has(name); k++) name = `${h}_${k}`;
    seen.add(name);
    return name;
  });
}

function describe(i: BdsInput): string {
  const { table, description } = build(i);
  const rows = writeCsv([
    table.header.map((h, j) => `${h} (${table.types[j]})`),
    ...table.rows.map((r) => r.map((c) => (c === null ? 'NULL' : String(c)))),
  ]);
  return `the small LAIT data file with: ${description.join('; ')}\n--- ${bdsFile} as CSV ---\n${clip(rows)}`;
}

const dictionaryCodes = new Set(
  dictionaryVerdict(
    Buffer.from(writeCsv([baseDictionary().header, ...baseDictionary().rows])),
  ).expected.map((m) => m.code),
);

/** The base LAIT folder with its data file changed 1 to 3 times, then perhaps cut short. */
export function laitBdsProperty(store: () => LaitStore): PropertyDefinition<BdsInput> {
  return {
    name: 'LAIT data file: complete or nothing',
    arbitrary: changesThenBytes(bdsChange, binaryChange, 5),
    describe,
    async predicate(i) {
      const s = store();
      const { table } = build(i);
      const scratch = path.join(s.baseDir, `changed-${bdsFile}`);
      // DuckDB refuses some column names (""): such an input is no test of the importer.
      const written = await writeBds(s.duck, scratch, table).then(
        () => true,
        () => false,
      );
      fc.pre(written);
      const { bytes, state } = applyBinaryChange(fs.readFileSync(scratch), i.bytes);
      const v = bdsVerdict(table, dictionaryCodes, s.areas, state);
      const codes = [...dictionaryCodes];
      await importChangedFolder(s, bdsFile, bytes, v, async () =>
        observationDifferences(await storedObservations(s.db, codes), v.expected),
      );
    },
  };
}
