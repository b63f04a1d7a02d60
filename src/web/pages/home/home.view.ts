import type { Area } from '../../../measures/areas.js';

export interface RegionGroup {
  region: string;
  las: { code: number; name: string; href: string }[];
}

/** Current LAs matching `query` (part of the name, the 3-digit code or the 9-character code), grouped by region. */
export function groupLasByRegion(areas: Area[], query = ''): RegionGroup[] {
  const q = query.trim().toLowerCase();
  const matches = (a: Area) =>
    q === '' ||
    a.name.toLowerCase().includes(q) ||
    String(a.code) === q ||
    a.gssCode?.toLowerCase() === q;
  const regions = areas.filter((a) => a.kind === 'region').sort((a, b) => a.code - b.code);
  return regions
    .map((r) => ({
      region: r.name,
      las: areas
        .filter(
          (a) => a.kind === 'la' && a.status === 'current' && a.regionCode === r.code && matches(a),
        )
        .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
        .map((a) => ({ code: a.code, name: a.name, href: `/la/${a.code}` })),
    }))
    .filter((g) => g.las.length > 0);
}
