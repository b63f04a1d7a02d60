import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

/** England, regions and LAs. `code` is the DfE 3-digit LA number (LAIT's 970-990 for England and regions). */
export interface Area {
  code: number;
  kind: 'england' | 'region' | 'la';
  name: string;
  gssCode: string | null;
  formerGssCodes: string[];
  regionCode: number | null;
  parentCode: number | null;
  laType: string | null;
  status: 'current' | 'former';
  successorCodes: number[];
  endedOn: string | null;
}

export const englandCode = 970;

/**
 * Whether `la` sits in the region `regionCode`: directly, or through Inner or Outer London for
 * London (986). The one definition of region membership: the region page and comparisons use it.
 */
export function isInRegion(
  la: Area,
  regionCode: number,
  byCode: ReadonlyMap<number, Area>,
): boolean {
  if (la.regionCode === regionCode) return true;
  const own = la.regionCode === null ? undefined : byCode.get(la.regionCode);
  return own?.parentCode === regionCode;
}

const referenceFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'areas.csv');

/** The reference list of areas shipped with Lantern (docs/areas.md says where it comes from). */
export function readReferenceAreas(file = referenceFile): Area[] {
  const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  const num = (v: string | undefined) => (v ? Number(v) : null);
  const list = (v: string | undefined) => (v ? v.split(' ') : []);
  return parsed.data.map((r) => ({
    code: Number(r.code),
    kind: r.kind as Area['kind'],
    name: r.name ?? '',
    gssCode: r.gss_code || null,
    formerGssCodes: list(r.former_gss_codes),
    regionCode: num(r.region_code),
    parentCode: num(r.parent_code),
    laType: r.la_type || null,
    status: r.status as Area['status'],
    successorCodes: list(r.successor_codes).map(Number),
    endedOn: r.ended_on || null,
  }));
}
