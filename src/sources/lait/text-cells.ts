import { invisibleCharacters, type ImportProblem } from '../../core/errors.js';

/**
 * The one check every text cell the LAIT readers use goes through (data file, dictionary and
 * neighbour workbooks alike): no control character where none makes sense. A NUL (U+0000) would
 * otherwise reach PostgreSQL, which refuses it in text ("invalid byte sequence") and in JSON
 * ("unsupported Unicode escape sequence"), and the others are signs of a damaged file.
 *
 * - `'one line'`: codes, year labels, numbers, flags and labels (Short Desc, Years, LA num,
 *   Polarity, a closeness): no control character at all, tabs and line breaks included (the
 *   spaces, tabs and line breaks around a cell are trimmed off before it is checked, as it is read).
 * - `'text'`: the dictionary's prose (Description, Methodology...), where the DfE's own cells
 *   have tabs and line breaks (CR LF): those are allowed, every other control character is not.
 */
export type TextCellKind = 'one line' | 'text';

/** C0 controls, DEL and C1 controls (U+0080-U+009F: what a file decoded as the wrong code page shows). */
const anyControl = /[\u0000-\u001f\u007f-\u009f]/;
const controlInText = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Around character `at` of a long cell, so the message shows the character (messages cut values at 60). */
function excerpt(text: string, at: number): string {
  if (text.length <= 50) return text;
  const start = Math.max(0, at - 20);
  const end = Math.min(text.length, at + 20);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/**
 * A problem (row, column, the cell around the character, what was expected) when the cell holds a
 * control character that `kind` does not allow; null when it holds none, or is not text.
 */
export function controlCharacterProblem(
  cell: unknown,
  row: number,
  column: string,
  kind: TextCellKind,
): Omit<ImportProblem, 'file'> | null {
  if (typeof cell !== 'string') return null;
  const text = kind === 'one line' ? cell.trim() : cell;
  const match = (kind === 'one line' ? anyControl : controlInText).exec(text);
  if (!match) return null;
  const allowed = kind === 'text' ? '; tabs and line breaks are allowed' : '';
  return {
    row,
    column,
    value: excerpt(text, match.index),
    expected: `${kind === 'one line' ? 'a value on one line' : 'text'} without a control character (it holds ${invisibleCharacters(match[0])[0]} at character ${match.index + 1}${allowed}; the file may be damaged or saved wrongly)`,
  };
}
