/** The family page's table: the school, then its similar schools nearest first. */
import { formatNumber } from '../../../core/format.js';
import type { OutcomeJudgement } from '../../../schools/families-outcomes.js';
import type { Family } from '../../../schools/families.service.js';
import { downloadFileName, type DataCell, type DataTable } from '../../tables/data-table.js';
import { linkCell, textCell } from '../../tables/cells.js';
import { schoolFigureCell } from '../../tables/school-cells.js';
import { schoolHrefs } from '../../urls.js';

function judged(j: OutcomeJudgement | null, f: Family): DataCell[] {
  const o = f.outcome;
  if (!o) return [];
  const better = j?.markedlyBetter === true;
  const betterDisadvantaged = j?.markedlyBetterForDisadvantaged === true;
  const learn = [better ? 'all pupils' : '', betterDisadvantaged ? 'disadvantaged pupils' : '']
    .filter(Boolean)
    .join(' and ');
  return [
    schoolFigureCell(o.outcome.figure, j?.outcome ?? null),
    { raw: j?.rank ?? null, text: j?.rank ? String(j.rank) : '–' },
    schoolFigureCell(o.outcome.disadvantaged, j?.disadvantaged ?? null),
    textCell(learn ? `Markedly better for ${learn}` : ''),
  ];
}

export function familyTable(f: Family): DataTable {
  const o = f.outcome;
  const own = (v: string) => f.variables.find((u) => u.variable.id === v)?.value ?? null;
  return {
    id: 'family',
    caption: `${f.school.name} and its ${f.members.length} most similar schools (${f.pool.name})`,
    columns: [
      { header: 'School' },
      { header: 'Local authority' },
      { header: 'Distance (0 = the same intake)', numeric: true },
      ...f.variables.map((u) => ({ header: u.variable.short, numeric: true })),
      ...(o
        ? [
            { header: `${o.outcome.figure.short}, ${o.yearLabel}`, numeric: true },
            { header: `Rank of ${o.ranked}`, numeric: true },
            { header: `${o.outcome.disadvantaged.short}`, numeric: true },
            { header: 'To learn from' },
          ]
        : []),
    ],
    rows: [
      [
        textCell(`${f.school.name} (this school)`),
        textCell(f.school.laName ?? ''),
        { raw: 0, text: '0' },
        ...f.variables.map((u) => ({
          raw: own(u.variable.id),
          text: formatNumber(own(u.variable.id), u.variable.decimals),
        })),
        ...judged(o?.school ?? null, f),
      ],
      ...f.members.map((m) => [
        linkCell(m.name, schoolHrefs.profile(m.urn)),
        textCell(m.laName ?? ''),
        { raw: m.distance, text: formatNumber(m.distance, 2) },
        ...f.variables.map((u) => ({
          raw: m.values[u.variable.id] ?? null,
          text: formatNumber(m.values[u.variable.id] ?? null, u.variable.decimals),
        })),
        ...judged(m.judgement, f),
      ]),
    ],
    fileName: downloadFileName(`lantern-family-${f.school.urn}`),
    notes: [
      'Distance: Euclidean distance between intakes on standardised variables (docs/methods.md, "Families of similar schools").',
      ...f.notes,
    ],
  };
}
