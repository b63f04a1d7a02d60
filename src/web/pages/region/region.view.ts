/** The region page's two tables: the region's LAs, and every region with England. */
import type { RegionComparison } from '../../../benchmarks/region.service.js';
import { downloadFileName, type DataTable } from '../../tables/data-table.js';
import {
  bandCell,
  changeCell,
  linkCell,
  rankCell,
  strongCell,
  tableNotes,
  textCell,
  valueCell,
} from '../../tables/cells.js';

export interface RegionView {
  las: DataTable;
  regions: DataTable;
}

export function regionView(c: RegionComparison): RegionView {
  const m = c.measure;
  const dp = m.decimalPlaces;
  const n = c.cutPoints?.laCount ?? c.las.find((r) => r.rankOf !== null)?.rankOf ?? null;
  const order =
    m.polarity === null
      ? 'Sorted by value, smallest first (the measure has no better direction); LAs with no value last.'
      : 'Sorted best first (by rank, then name); LAs with no value last.';
  const las: DataTable = {
    id: 'region-las',
    caption: `Local authorities in ${c.region.name}, ${c.yearLabel}`,
    columns: [
      { header: 'Local authority' },
      { header: 'Value', numeric: true },
      { header: n ? `Rank of ${n} in England (1 = best)` : 'Rank (1 = best)', numeric: true },
      { header: 'Quartile band' },
      { header: 'Change from previous year', numeric: true },
    ],
    rows: c.las.map((b) => [
      linkCell(b.laName, `/la/${b.laCode}`),
      valueCell(b.value, dp, b.suppression),
      rankCell(b, m),
      bandCell(b, m),
      changeCell(b, dp),
    ]),
    fileName: downloadFileName(`lantern-region-${c.region.code}-${m.code}-${c.yearLabel}`),
    notes: tableNotes(m, c.yearLabel, [order, 'Ranks and bands are among all LAs in England.']),
  };
  const regions: DataTable = {
    id: 'regions',
    caption: `All regions and England, ${c.yearLabel}`,
    columns: [{ header: 'Region' }, { header: 'Value', numeric: true }],
    rows: c.regions.map((r) => [
      r.code === c.region.code
        ? strongCell(r.name, '(this region)')
        : r.kind === 'region'
          ? linkCell(
              r.name,
              `/region/${r.code}/${encodeURIComponent(m.code)}?year=${encodeURIComponent(c.yearLabel)}`,
            )
          : textCell(r.name),
      valueCell(r.value, dp, r.suppression),
    ]),
    fileName: downloadFileName(`lantern-regions-${m.code}-${c.yearLabel}`),
    notes: tableNotes(m, c.yearLabel, [
      'Published figures for each region and England; regions are not ranked or banded.',
      m.polarity === null
        ? 'Sorted by value, smallest first; England last.'
        : 'Sorted best first by value; England last.',
    ]),
  };
  return { las, regions };
}
