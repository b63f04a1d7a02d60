import type { ImportProblem } from '../../core/errors.js';
import { findLocalAuthority } from '../../measures/area-lookup.js';
import { englandCode, type Area } from '../../measures/areas.js';
import { buildAreaIndex, geographicLevels, resolveArea, type AreaIndex } from '../ees/geography.js';

type Problem = Omit<ImportProblem, 'file'>;

/** Where a row's figures go: a school, a total for England, a region or an LA, or nowhere. */
export type EesRowPlace =
  | { kind: 'school'; urn: number; laCode: number }
  | { kind: 'area'; areaCode: number; rowKind: 'england' | 'region' | 'la' }
  /** Another EES level (parliamentary constituency, MAT, ...): counted, not stored. */
  | { kind: 'ignored'; level: string }
  | { kind: 'problem'; problem: Problem };

export const schoolLevel = 'School';

/** Places rows of one file against Lantern's areas (every code an LA has had is known). */
export class RowPlacer {
  private readonly index: AreaIndex;
  private readonly las = new Map<string, Area | undefined>();

  constructor(private readonly areas: Area[]) {
    this.index = buildAreaIndex(areas);
  }

  place(row: Record<string, string>, rowNumber: number): EesRowPlace {
    const level = (row.geographic_level ?? '').trim();
    if (level === schoolLevel) {
      const urn = readUrn(row.school_urn, rowNumber);
      if ('problem' in urn) return { kind: 'problem', problem: urn.problem };
      const la = this.laOf(row, rowNumber, 'a school');
      if ('problem' in la) return { kind: 'problem', problem: la.problem };
      return { kind: 'school', urn: urn.urn, laCode: la.code };
    }
    if (level === geographicLevels.national)
      return { kind: 'area', areaCode: englandCode, rowKind: 'england' };
    if (level === geographicLevels.la) {
      const la = this.laOf(row, rowNumber, "an LA's total row");
      if ('problem' in la) return { kind: 'problem', problem: la.problem };
      return { kind: 'area', areaCode: la.code, rowKind: 'la' };
    }
    const area = resolveArea(row, this.index);
    if (area.kind === 'area') return { kind: 'area', areaCode: area.code, rowKind: 'region' };
    if (area.kind === 'ignored') return { kind: 'ignored', level: area.level };
    if (area.kind === 'unclear')
      return {
        kind: 'problem',
        problem: {
          row: rowNumber,
          column: 'geographic_level',
          value: level,
          expected: area.expected,
        },
      };
    const { kind, ...where } = area;
    return { kind, problem: { row: rowNumber, ...where } };
  }

  private find(text: string): Area | undefined {
    if (!this.las.has(text)) this.las.set(text, findLocalAuthority(this.areas, text));
    return this.las.get(text);
  }

  /**
   * The LA of a row: old_la_code (the 3-digit number) and new_la_code (a current or former GSS
   * code: Somerset is E10000027 and E06000066) must each name an LA when given, and the same one
   * when both are; one is enough.
   */
  private laOf(
    row: Record<string, string>,
    rowNumber: number,
    what: string,
  ): { code: number } | { problem: Problem } {
    const old = (row.old_la_code ?? '').trim();
    const gss = (row.new_la_code ?? '').trim();
    const problem = (column: string, value: string, expected: string) => ({
      problem: { row: rowNumber, column, value, expected },
    });
    const byOld = /^\d{3}$/.test(old) ? this.find(old) : undefined;
    if (old !== '' && !byOld)
      return problem(
        'old_la_code',
        old,
        'a 3-digit LA number Lantern knows, current or former (run `lantern areas` to list them)',
      );
    const byGss = /^[EWSN]\d{8}$/i.test(gss) ? this.find(gss) : undefined;
    if (gss !== '' && !byGss)
      return problem(
        'new_la_code',
        gss,
        "a 9-character GSS code an LA has or had (like E06000066 or Somerset's former E10000027; see `lantern areas`)",
      );
    if (byOld && byGss && byOld.code !== byGss.code)
      return problem(
        'new_la_code',
        gss,
        `a code of LA ${byOld.code} (${byOld.name}), which old_la_code names; this is the code of ${byGss.code} (${byGss.name})`,
      );
    const la = byOld ?? byGss;
    if (!la) return problem('old_la_code', old, `the LA of ${what} (old_la_code or new_la_code)`);
    return { code: la.code };
  }
}

function readUrn(
  raw: string | undefined,
  rowNumber: number,
): { urn: number } | { problem: Problem } {
  const text = (raw ?? '').trim();
  const urn = /^\d{1,9}$/.test(text) ? Number(text) : 0;
  if (urn > 0) return { urn };
  return {
    problem: {
      row: rowNumber,
      column: 'school_urn',
      value: text,
      expected: "a school's URN (a whole number, like 100544)",
    },
  };
}
