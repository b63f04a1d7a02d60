import fc from 'fast-check';
import { applyCellEdit, applyRowChanges, type RowChange, type Table } from './mutations.js';

/**
 * Writing and reading text files for the property tests, independently of the importers'
 * parsers: the tests' own idea of what a CSV file says (RFC 4180), to compare the importers with.
 */

/** A CSV file as rows of cells; the first row is the header. */
export type Records = string[][];

const needsQuotes = /[",\r\n]/;

export function writeCsv(records: Records, eol = '\n'): string {
  const line = (r: string[]) =>
    r.map((c) => (needsQuotes.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
  return records.map(line).join(eol) + eol;
}

export type CsvReading = { records: Records } | { malformed: string; record: number };

/**
 * RFC 4180: fields split on commas, records on CRLF or LF, quoted fields may hold both and "" for
 * a quote. Entirely empty lines are passed over (as the importers do). A quote never closed, or
 * text after a closing quote, makes the file malformed.
 */
export function readCsv(text: string): CsvReading {
  const records: Records = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quotedLine = false;
  const endRecord = () => {
    record.push(field);
    if (!(record.length === 1 && record[0] === '' && !quotedLine)) records.push(record);
    record = [];
    field = '';
    quotedLine = false;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && field === '') {
      const close = readQuoted(text, i + 1);
      if (close === null) return { malformed: 'a quote is never closed', record: records.length };
      field = close.value;
      quotedLine = true;
      i = close.end;
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r')
        return { malformed: 'text after a closing quote', record: records.length };
      continue;
    }
    if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      endRecord();
    } else field += c;
    i++;
  }
  if (field !== '' || record.length > 0 || quotedLine) endRecord();
  return { records };
}

function readQuoted(text: string, from: number): { value: string; end: number } | null {
  let value = '';
  for (let i = from; i < text.length; i++) {
    if (text[i] !== '"') value += text[i];
    else if (text[i + 1] === '"') {
      value += '"';
      i++;
    } else return { value, end: i + 1 };
  }
  return null;
}

/** How a file's bytes may be changed after it is written. */
export type ByteChange =
  | {
      kind: 'encoding';
      encoding: 'utf8-bom' | 'utf16le-bom' | 'utf16be-bom' | 'utf16le' | 'latin1';
    }
  | { kind: 'crlf' }
  /** Keep the first `at` thousandths of the bytes. */
  | { kind: 'truncate'; at: number }
  | { kind: 'empty' };

export const byteChange: fc.Arbitrary<ByteChange> = fc.oneof(
  fc.record({
    kind: fc.constant('encoding' as const),
    encoding: fc.constantFrom(
      'utf8-bom' as const,
      'utf16le-bom' as const,
      'utf16be-bom' as const,
      'utf16le' as const,
      'latin1' as const,
    ),
  }),
  fc.constant({ kind: 'crlf' as const }),
  fc.record({
    kind: fc.constant('truncate' as const),
    at: fc.noBias(fc.integer({ min: 0, max: 999 })),
  }),
  fc.constant({ kind: 'empty' as const }),
);

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

export function encodeText(text: string, change: ByteChange | null): Buffer {
  if (change?.kind === 'empty') return Buffer.alloc(0);
  if (change?.kind === 'crlf') return Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf8');
  if (change?.kind === 'encoding') {
    switch (change.encoding) {
      case 'utf8-bom':
        return Buffer.from(`\ufeff${text}`, 'utf8');
      case 'utf16le-bom':
        return Buffer.from(`\ufeff${text}`, 'utf16le');
      case 'utf16be-bom':
        return utf16be(`\ufeff${text}`);
      case 'utf16le':
        return Buffer.from(text, 'utf16le');
      case 'latin1':
        return Buffer.from(text, 'latin1');
    }
  }
  const bytes = Buffer.from(text, 'utf8');
  if (change?.kind === 'truncate')
    return bytes.subarray(0, Math.floor((change.at / 1000) * bytes.length));
  return bytes;
}

export function describeByteChange(c: ByteChange | null): string {
  if (c === null) return 'written as UTF-8';
  if (c.kind === 'truncate') return `cut at ${c.at / 10}% of its bytes`;
  if (c.kind === 'encoding') return `written as ${c.encoding}`;
  return c.kind === 'crlf' ? 'with CRLF line endings' : 'emptied (0 bytes)';
}

/** What a text file's bytes say: its text, or that it is empty or not UTF-8 text. */
export function decodeText(bytes: Buffer): { text: string } | { problem: 'empty' | 'encoding' } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { problem: 'encoding' };
  }
  if (text.startsWith('\ufeff')) text = text.slice(1);
  // UTF-16 without a byte-order mark decodes as "UTF-8" with a NUL beside every letter.
  if (text.includes('\u0000')) return { problem: 'encoding' };
  if (text.trim() === '') return { problem: 'empty' };
  return { text };
}

/** `text`, cut to `max` characters for a failure message. */
export const clip = (text: string, max = 2000) =>
  text.length > max ? `${text.slice(0, max)}...` : text;

/** 1 to 3 changes of a file's content, then perhaps one of its bytes (absent one run in `freq + 1`). */
export function changesThenBytes<C, B>(change: fc.Arbitrary<C>, bytes: fc.Arbitrary<B>, freq = 4) {
  return fc.record({
    changes: fc.array(change, { minLength: 1, maxLength: 3 }),
    bytes: fc.option(bytes, { freq }),
  });
}

export interface CsvFileInput {
  changes: RowChange[];
  bytes: ByteChange | null;
}

/** A CSV file changed as `i` says: its bytes, and in words what was done and what it now holds. */
export function changedCsvFile(
  base: Table<string>,
  i: CsvFileInput,
  what: string,
  fileName: string,
): { bytes: Buffer; description: string } {
  const { table, description } = applyRowChanges(base, i.changes, applyCellEdit);
  const bytes = encodeText(writeCsv([table.header, ...table.rows]), i.bytes);
  const done = [...description, describeByteChange(i.bytes)].join('; ');
  return {
    bytes,
    description: `${what} with: ${done}\n--- ${fileName} (${bytes.length} bytes) ---\n${clip(bytes.toString('utf8'))}`,
  };
}
