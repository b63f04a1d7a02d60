import fc from 'fast-check';

/** Values people, spreadsheets and broken exports put in a cell, by kind (numbers first: most bugs hide there). */
export const hostileTexts = {
  huge: ['1e400', '-1e400', '1e309', '-1e309', '9'.repeat(400)],
  numbers: ['NaN', 'Infinity', '-Infinity', '-0', '0', '1,234', '12%', '\u22125', '0x10', '.', '+'],
  blanks: ['', ' ', '\t', '\u00a0'],
  markers: ['-', 'x', 'X', 'NA', 'null', '..', 'c', 'C'],
  unicode: ['\u2013', '\u2014', '\u00e9', '\u{1F600}', '\u200b', '\uff58', '\uff11\uff12'],
  structure: ['"', ',', ';', '|', 'line\nbreak', '=1+1'],
} as const;

const hostileText = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...hostileTexts.huge) },
  { weight: 3, arbitrary: fc.constantFrom(...hostileTexts.numbers) },
  { weight: 2, arbitrary: fc.constantFrom(...hostileTexts.blanks) },
  { weight: 2, arbitrary: fc.constantFrom(...hostileTexts.markers) },
  { weight: 1, arbitrary: fc.constantFrom(...hostileTexts.unicode) },
  { weight: 1, arbitrary: fc.constantFrom(...hostileTexts.structure) },
);

/** One change to a cell: a hostile value, or the cell's own value changed in case, spacing, dash or length. */
export type CellEdit =
  | { kind: 'text'; text: string }
  | { kind: 'upper' }
  | { kind: 'lower' }
  | { kind: 'pad'; pad: string }
  | { kind: 'dash'; dash: string }
  | { kind: 'long'; times: number }
  /** `length` letters that do not repeat (a long value that compresses badly), its own value first. */
  | { kind: 'noise'; length: number }
  | { kind: 'unicode'; text: string };

export const cellEdit: fc.Arbitrary<CellEdit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('text' as const), text: hostileText }) },
  fc.constant({ kind: 'upper' as const }),
  fc.constant({ kind: 'lower' as const }),
  fc.record({ kind: fc.constant('pad' as const), pad: fc.constantFrom(' ', '  ', '\t', '\u00a0') }),
  fc.record({
    kind: fc.constant('dash' as const),
    dash: fc.constantFrom('\u2013', '\u2212', '\u2010'),
  }),
  fc.record({ kind: fc.constant('long' as const), times: fc.integer({ min: 200, max: 3000 }) }),
  fc.record({ kind: fc.constant('noise' as const), length: fc.integer({ min: 2000, max: 6000 }) }),
  fc.record({
    kind: fc.constant('unicode' as const),
    text: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
  }),
);

export function applyCellEdit(original: string, e: CellEdit): string {
  switch (e.kind) {
    case 'text':
    case 'unicode':
      return e.text;
    case 'upper':
      return original.toUpperCase();
    case 'lower':
      return original.toLowerCase();
    case 'pad':
      return `${e.pad}${original}${e.pad}`;
    case 'dash':
      return original.includes('-') ? original.replaceAll('-', e.dash) : `${e.dash}${original}`;
    case 'long':
      return (original === '' ? 'x' : original).repeat(e.times);
    case 'noise':
      return (
        original +
        Array.from({ length: e.length }, (_, k) =>
          String.fromCharCode(0x4e00 + ((k * 7919) % 20000)),
        ).join('')
      );
  }
}

export function describeCellEdit(e: CellEdit): string {
  if (e.kind === 'text' || e.kind === 'unicode') return JSON.stringify(e.text);
  if (e.kind === 'long') return `its value repeated ${e.times} times`;
  if (e.kind === 'noise') return `its value followed by ${e.length} CJK letters that do not repeat`;
  if (e.kind === 'pad') return `its value padded with ${JSON.stringify(e.pad)}`;
  if (e.kind === 'dash') return `its "-" as ${JSON.stringify(e.dash)}`;
  return `its value in ${e.kind} case`;
}

/**
 * One change to a table's rows or header. Indices are taken modulo the table's size when applied,
 * so they shrink towards the first row and column.
 */
export type RowChange =
  | { kind: 'drop'; row: number }
  | { kind: 'duplicate'; row: number }
  | { kind: 'swap'; row: number; other: number }
  | { kind: 'cell'; row: number; column: number; edit: CellEdit }
  | { kind: 'header'; column: number; edit: CellEdit }
  /** The header of `column` renamed to that of `other`: two columns of one name. */
  | { kind: 'renameHeader'; column: number; other: number }
  | { kind: 'dropColumn'; column: number }
  | { kind: 'dropAllRows' };

/**
 * Changes to a table; `focus` (column indices) are the columns the importer reads, picked three
 * times as often as any other for cell and header changes.
 */
export function rowChangeFor(focus: readonly number[] = []): fc.Arbitrary<RowChange> {
  const index = fc.noBias(fc.nat({ max: 63 }));
  const column =
    focus.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...focus) }, index) : index;
  return fc.oneof(
    fc.record({ kind: fc.constant('drop' as const), row: index }),
    fc.record({ kind: fc.constant('duplicate' as const), row: index }),
    fc.record({ kind: fc.constant('swap' as const), row: index, other: index }),
    {
      weight: 8,
      arbitrary: fc.record({
        kind: fc.constant('cell' as const),
        row: index,
        column,
        edit: cellEdit,
      }),
    },
    fc.record({ kind: fc.constant('header' as const), column, edit: cellEdit }),
    fc.record({ kind: fc.constant('renameHeader' as const), column: index, other: column }),
    fc.record({ kind: fc.constant('dropColumn' as const), column }),
    fc.constant({ kind: 'dropAllRows' as const }),
  );
}

export const rowChange = rowChangeFor();

/** A table of cells: a header and its rows (`T` a cell: text, or what a workbook or parquet holds). */
export interface Table<T> {
  header: string[];
  rows: T[][];
}

/** Applies `change`; `edit` changes one cell (text cells use applyCellEdit). */
export function applyRowChange<T>(
  table: Table<T>,
  change: RowChange,
  edit: (cell: T, e: CellEdit) => T,
): Table<T> {
  const header = [...table.header];
  const rows = table.rows.map((r) => [...r]);
  const n = rows.length;
  const at = (i: number) => i % n;
  switch (change.kind) {
    case 'drop':
      if (n > 0) rows.splice(at(change.row), 1);
      break;
    case 'duplicate':
      if (n > 0) rows.splice(at(change.row) + 1, 0, [...rows[at(change.row)]!]);
      break;
    case 'swap':
      if (n > 0)
        [rows[at(change.row)], rows[at(change.other)]] = [
          rows[at(change.other)]!,
          rows[at(change.row)]!,
        ];
      break;
    case 'cell':
      if (n > 0) {
        const row = rows[at(change.row)]!;
        const c = change.column % header.length;
        row[c] = edit(row[c] as T, change.edit);
      }
      break;
    case 'header': {
      const c = change.column % header.length;
      header[c] = applyCellEdit(header[c]!, change.edit);
      break;
    }
    case 'renameHeader':
      header[change.column % header.length] = header[change.other % header.length]!;
      break;
    case 'dropColumn': {
      const c = change.column % header.length;
      header.splice(c, 1);
      for (const r of rows) r.splice(c, 1);
      break;
    }
    case 'dropAllRows':
      rows.length = 0;
  }
  return { header, rows };
}

export function describeRowChange(table: Table<unknown>, change: RowChange): string {
  const n = Math.max(table.rows.length, 1);
  const column = (i: number) => `"${table.header[i % table.header.length]}"`;
  switch (change.kind) {
    case 'drop':
    case 'duplicate':
      return `${change.kind} data row ${(change.row % n) + 1}`;
    case 'swap':
      return `swap data rows ${(change.row % n) + 1} and ${(change.other % n) + 1}`;
    case 'cell':
      return `data row ${(change.row % n) + 1}, column ${column(change.column)} set to ${describeCellEdit(change.edit)}`;
    case 'header':
      return `header ${column(change.column)} set to ${describeCellEdit(change.edit)}`;
    case 'renameHeader':
      return `header ${column(change.column)} renamed ${column(change.other)}`;
    case 'dropColumn':
      return `drop column ${column(change.column)}`;
    case 'dropAllRows':
      return 'drop every data row';
  }
}

/** Applies changes in order, describing each against the table as it then was. */
export function applyRowChanges<T>(
  table: Table<T>,
  changes: RowChange[],
  edit: (cell: T, e: CellEdit) => T,
): { table: Table<T>; description: string[] } {
  const description: string[] = [];
  let t = table;
  for (const c of changes) {
    description.push(describeRowChange(t, c));
    t = applyRowChange(t, c, edit);
  }
  return { table: t, description };
}

/** Case, spacing, dashes and Unicode forms ignored: "Local Authority" is a near miss of "Local authority". */
export function nearMiss(given: string, wanted: string): boolean {
  const fold = (s: string) =>
    s
      .normalize('NFKC')
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .replace(/[\s\u200b]+/g, ' ')
      .trim()
      .toLowerCase();
  return given.trim() !== wanted && fold(given) === fold(wanted);
}
