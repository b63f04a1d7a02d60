import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { lanternError } from '../../core/errors.js';

export function requireFile(file: string, what: string): string {
  if (!fs.existsSync(file)) {
    throw lanternError('LANTERN_FILE_NOT_FOUND', `${what} not found: ${file}`, {
      hint: 'Check the path. Real DfE files for trying Lantern are in ../shared/data (see README).',
    });
  }
  return file;
}

export function sha256(buffer: Buffer): string {
  return crypto.createHash('sha256').update(buffer).digest('hex');
}

/** LANTERN_IMPORT_EMPTY: `fileName` holds nothing to import (`what` says how, e.g. "has a header but no data rows"). */
export function emptyFileError(fileName: string, what: string, hint?: string) {
  return lanternError('LANTERN_IMPORT_EMPTY', `${fileName} ${what}. Nothing was imported.`, {
    problems: [{ file: fileName, expected: 'at least one row of data' }],
    hint:
      hint ??
      'Check that this is the complete file (download or copy it again) and run the import again.',
  });
}

/** Refuses a file of 0 bytes before any reader tries to make sense of it. */
export function refuseEmptyBuffer(buffer: Buffer, file: string): void {
  if (buffer.length === 0) throw emptyFileError(path.basename(file), 'is empty (0 bytes)');
}

const csvHint =
  'Save the file as "CSV UTF-8" (Excel: File > Save As > CSV UTF-8) and import it again.';

/**
 * Reads a text file as UTF-8 (dropping a byte-order mark), refusing anything that is not UTF-8
 * (UTF-16 said as such) and a file with nothing in it. `hint`: how to save it as UTF-8.
 */
export function readUtf8Text(
  file: string,
  hint: string = csvHint,
): { text: string; checksum: string } {
  const buffer = fs.readFileSync(file);
  const name = path.basename(file);
  refuseEmptyBuffer(buffer, file);
  const text = decodeUtf8(buffer, name, hint);
  if (text.trim() === '') throw emptyFileError(name, 'holds only blank lines or spaces');
  return { text, checksum: sha256(buffer) };
}

/** The bytes as UTF-8 text without a byte-order mark; LANTERN_IMPORT_ENCODING naming `name` otherwise. */
export function decodeUtf8(buffer: Buffer, name: string, hint: string = csvHint): string {
  const utf16 = notUtf8Text(buffer);
  if (utf16) throw encodingError(name, utf16, 1, hint);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    const at = firstInvalidUtf8Line(buffer);
    throw encodingError(name, `is not UTF-8 text (first bad byte on line ${at})`, at, hint);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function encodingError(name: string, what: string, row: number, hint: string) {
  return lanternError('LANTERN_IMPORT_ENCODING', `${name} ${what}.`, {
    problems: [{ file: name, row, expected: 'UTF-8 text' }],
    hint,
  });
}

/**
 * A UTF-16 byte-order mark, or NUL bytes (UTF-16 without a mark, as some editors save, or not text
 * at all): bytes a UTF-8 decoder would accept and turn into text full of NULs.
 */
function notUtf8Text(buffer: Buffer): string | null {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return 'is UTF-16 text (little-endian), not UTF-8';
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return 'is UTF-16 text (big-endian), not UTF-8';
  if (buffer.subarray(0, 4096).includes(0))
    return 'holds NUL bytes: it is UTF-16 text, or not a text file at all, rather than UTF-8 text';
  return null;
}

function firstInvalidUtf8Line(buffer: Buffer): number {
  let line = 1;
  let start = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i <= buffer.length; i++) {
    if (i === buffer.length || buffer[i] === 0x0a) {
      try {
        decoder.decode(buffer.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}

/**
 * A text file that may be UTF-8 or Windows-1252 (Ofsted's older MI and the GIAS links file are
 * Windows-1252): UTF-8 when the bytes are valid UTF-8 (ASCII is both), Windows-1252 otherwise.
 * UTF-16 and files with NUL bytes are still refused, as `readUtf8Text` refuses them.
 */
export function readUtf8OrWindows1252Text(file: string): {
  text: string;
  checksum: string;
  encoding: 'utf-8' | 'windows-1252';
} {
  const buffer = fs.readFileSync(file);
  const name = path.basename(file);
  refuseEmptyBuffer(buffer, file);
  const utf16 = notUtf8Text(buffer);
  if (utf16) throw encodingError(name, utf16, 1, csvHint);
  let text: string;
  let encoding: 'utf-8' | 'windows-1252' = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    text = new TextDecoder('windows-1252').decode(buffer);
    encoding = 'windows-1252';
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw emptyFileError(name, 'holds only blank lines or spaces');
  return { text, checksum: sha256(buffer), encoding };
}
