import type { ImportProblem } from '../../core/errors.js';
import { englandCode } from '../../measures/areas.js';
import type { Publication, RowRole } from './publications.js';

/** Where a row's figures go: a school, or a total row for an LA or England. */
export type RowPlace =
  | { kind: 'school'; urn: number; laCode: number | null; role: RowRole }
  | { kind: 'area'; areaCode: number; rowKind: string }
  | { kind: 'problem'; problem: Omit<ImportProblem, 'file'> };

export interface RowColumns {
  urn: string;
  la: string | null;
  rectype: string | null;
  estab: string | null;
}

/**
 * Places one row. A school row has a URN; a total row has none and says what it totals by its
 * RECTYPE (read through the meta or the publication's codes) or by "LA"/"NAT" in an identity
 * column, as the census and absence files do; their phase (PRI, SEC, SPE in ESTAB) becomes part of
 * the row kind ("england-pri"), since those files give one total per phase.
 */
export function placeRow(
  row: Record<string, string>,
  rowNumber: number,
  cols: RowColumns,
  publication: Publication,
  recordTypes: Record<string, RowRole>,
  laCodes: ReadonlySet<number>,
): RowPlace {
  const urnText = (row[cols.urn] ?? '').trim();
  const rectype = cols.rectype ? (row[cols.rectype] ?? '').trim() : '';
  const laText = cols.la ? (row[cols.la] ?? '').trim() : '';
  const estab = cols.estab ? (row[cols.estab] ?? '').trim() : '';
  const role: RowRole | undefined = recordTypes[rectype.toUpperCase()] ?? recordTypes[rectype];
  const tokens = [rectype, urnText, laText].map((t) => t.toUpperCase());
  const phase = estab !== '' && !/^\d+$/.test(estab) ? `-${estab.toLowerCase()}` : '';
  const la = readLa(laText, rowNumber, cols.la, laCodes);
  if (/^\d+$/.test(urnText) && (!role || role === 'school' || role === 'special-school')) {
    if ('problem' in la) return { kind: 'problem', problem: la.problem };
    return { kind: 'school', urn: Number(urnText), laCode: la.code, role: role ?? 'school' };
  }
  if (role === 'england-all' || role === 'england-state-funded' || tokens.includes('NAT'))
    return { kind: 'area', areaCode: englandCode, rowKind: `${role ?? 'england'}${phase}` };
  if (role === 'la' || tokens.includes('LA')) {
    if ('problem' in la) return { kind: 'problem', problem: la.problem };
    if (la.code === null)
      return {
        kind: 'problem',
        problem: {
          row: rowNumber,
          column: cols.la ?? 'LEA',
          expected: "the LA number of an LA's total row",
        },
      };
    return { kind: 'area', areaCode: la.code, rowKind: `la${phase}` };
  }
  return {
    kind: 'problem',
    problem: {
      row: rowNumber,
      column: cols.urn,
      value: urnText,
      expected: `a URN (a whole number) or, on a total row, ${describeTotals(publication)}`,
    },
  };
}

function describeTotals(publication: Publication): string {
  const codes = Object.entries(publication.recordTypes)
    .filter(([, r]) => r !== 'school' && r !== 'special-school')
    .map(([c]) => c);
  return codes.length > 0
    ? `RECTYPE ${codes.join(', ')} (LA or England)`
    : '"LA" or "NAT" in the URN or LA column';
}

function readLa(
  text: string,
  rowNumber: number,
  column: string | null,
  laCodes: ReadonlySet<number>,
): { code: number | null } | { problem: Omit<ImportProblem, 'file'> } {
  if (text === '' || !/^\d+$/.test(text)) return { code: null };
  const code = Number(text);
  if (laCodes.has(code)) return { code };
  return {
    problem: {
      row: rowNumber,
      column: column ?? 'LEA',
      value: text,
      expected: 'a 3-digit LA number Lantern knows (run `lantern areas` to list them)',
    },
  };
}
