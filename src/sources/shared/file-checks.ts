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

/** Reads a text file as UTF-8 (dropping a byte-order mark), refusing anything that is not UTF-8. */
export function readUtf8Text(file: string): { text: string; checksum: string } {
  const buffer = fs.readFileSync(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    const at = firstInvalidUtf8Line(buffer);
    throw lanternError(
      'LANTERN_IMPORT_ENCODING',
      `${path.basename(file)} is not UTF-8 text (first bad byte on line ${at}).`,
      {
        problems: [{ file: path.basename(file), row: at, expected: 'UTF-8 text' }],
        hint: 'Save the file as "CSV UTF-8" (Excel: File > Save As > CSV UTF-8) and import it again.',
      },
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, checksum: sha256(buffer) };
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
