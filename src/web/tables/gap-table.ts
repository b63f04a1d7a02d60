/** The disadvantage-gap table, the same on a school's profile and on its LA's schools page. */
import { formatGap, versusEnglandWords, type GapRow, type GapTrend } from '../../schools/gaps.js';
import { downloadFileName, type DataTable } from './data-table.js';
import { repeatedLabelCell, textCell } from './cells.js';
import { schoolFigureCell } from './school-cells.js';

const trendWords: Record<GapTrend, string> = {
  narrower: 'Narrower than the year before',
  wider: 'Wider than the year before',
  'no change': 'The same as the year before',
  'now ahead': 'Disadvantaged pupils now ahead',
  'now behind': 'Disadvantaged pupils now behind',
  'further ahead': 'Disadvantaged pupils further ahead than the year before',
  'less far ahead': 'Disadvantaged pupils less far ahead than the year before',
};

export function gapsTable(
  id: string,
  caption: string,
  gaps: GapRow[],
  fileName: string,
): DataTable {
  return {
    id,
    caption,
    columns: [
      { header: 'Figure' },
      { header: 'Year' },
      { header: 'Disadvantaged pupils', numeric: true },
      { header: 'Other pupils', numeric: true },
      { header: 'Gap', numeric: true },
      { header: "England's gap", numeric: true },
      { header: 'Against England', classes: 'lantern-table__words' },
      { header: 'Trend', classes: 'lantern-table__words' },
    ],
    rows: gaps.flatMap((g) => {
      const d = g.definition;
      const figure = { unit: d.unit, decimals: d.decimals };
      return g.years.map((y, i) => {
        return [
          // The figure's name once for its years, as the profile's tables show it.
          i === 0 ? textCell(d.label) : repeatedLabelCell(d.label),
          textCell(y.yearLabel),
          schoolFigureCell(figure, y.disadvantaged),
          schoolFigureCell(figure, y.others),
          { raw: y.gap, text: formatGap(d, y.gap), classes: 'lantern-nowrap' },
          { raw: y.englandGap, text: formatGap(d, y.englandGap), classes: 'lantern-nowrap' },
          textCell(versusEnglandWords(d, y.gap, y.englandGap)),
          textCell(y.trend ? trendWords[y.trend] : ''),
        ];
      });
    }),
    fileName: downloadFileName(fileName),
    notes: [
      'Gap: disadvantaged pupils minus other pupils in the same school or LA (negative: disadvantaged pupils do less well).',
      "England's gap: the same for England's state-funded schools. Percentages in percentage points.",
      'Source: DfE performance tables, as imported into Lantern.',
    ],
  };
}
