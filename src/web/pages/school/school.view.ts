/** The school profile's tables: one per section, and the Ofsted history. */
import { formatDate } from '../../../core/format.js';
import { sectionTitles } from '../../../schools/headlines.js';
import type { StoredInspection } from '../../../schools/school-profile.service.js';
import { gradedName, reportCardAreas } from '../../../schools/ofsted-grades.js';
import type { ProfileSection } from '../../../schools/profile.js';
import { yearNotes } from '../../../schools/school-figures.js';
import type { SchoolProfile } from '../../../schools/school-profile.service.js';
import { downloadFileName, type DataCell, type DataTable } from '../../tables/data-table.js';
import { schoolFigureCell } from '../../tables/school-cells.js';
import { repeatedLabelCell, textCell } from '../../tables/cells.js';
import { gapsTable } from '../../tables/gap-table.js';

export interface SchoolView {
  sections: DataTable[];
  gaps: DataTable | null;
  inspections: DataTable | null;
}

export function schoolView(p: SchoolProfile): SchoolView {
  return {
    sections: p.sections.map((s) => sectionTable(p, s)),
    gaps: p.gaps.length
      ? gapsTable(
          'gaps',
          `Disadvantaged pupils and the others: ${p.school.name}`,
          p.gaps,
          `lantern-school-${p.school.urn}-gaps`,
        )
      : null,
    inspections: p.inspections.length ? inspectionsTable(p) : null,
  };
}

function sectionTable(p: SchoolProfile, section: ProfileSection): DataTable {
  const laName = p.la?.name ?? 'LA';
  const rows: DataCell[][] = section.rows.flatMap((r) =>
    r.years.map((y, i) => [
      i === 0 ? textCell(r.figure.label) : repeatedLabelCell(r.figure.label),
      textCell(y.yearLabel),
      schoolFigureCell(r.figure, y.school, y.notPublished),
      schoolFigureCell(r.figure, y.la),
      schoolFigureCell(r.figure, y.england),
      textCell(yearNotes(y, r.figure).join('. ')),
    ]),
  );
  const threeYear = section.rows.flatMap((r) =>
    r.threeYear
      ? [
          [
            textCell(`${r.figure.label}: three-year average`),
            textCell(`${r.threeYear.years[0]} to ${r.threeYear.years.at(-1)}`),
            schoolFigureCell(r.figure, { value: r.threeYear.value, marker: null }),
            textCell(''),
            textCell(''),
            textCell('Weighted by each year\u2019s pupils'),
          ],
        ]
      : [],
  );
  return {
    id: section.group,
    caption: `${sectionTitles[section.group]}: ${p.school.name} against ${laName} and England`,
    columns: [
      { header: 'Figure' },
      { header: 'Year' },
      { header: 'School', numeric: true },
      { header: laName, numeric: true },
      { header: 'England', numeric: true },
      { header: 'Notes', classes: 'lantern-table__words' },
    ],
    rows: [...rows, ...threeYear],
    fileName: downloadFileName(`lantern-school-${p.school.urn}-${section.group}`),
    notes: [
      'Source: DfE performance tables (compare school performance), as imported into Lantern.',
      'Suppressed figures carry the code the DfE published (SUPP, NE, ...).',
    ],
  };
}

function inspectionsTable(p: SchoolProfile): DataTable {
  return {
    id: 'ofsted',
    caption: `Ofsted inspections: ${p.school.name}`,
    columns: [
      { header: 'Inspection start' },
      { header: 'Framework' },
      { header: 'Type' },
      { header: 'Outcome' },
      { header: 'Judgements' },
    ],
    rows: p.inspections.map((i) => [
      { raw: i.startDate, text: i.startDate ? formatDate(i.startDate) : 'Not given' },
      textCell(
        i.framework === 'report-card' ? 'Report card (from November 2025)' : 'Graded (to 2025)',
      ),
      textCell(
        [i.inspectionType, i.urn !== p.school.urn ? `as URN ${i.urn}` : null]
          .filter(Boolean)
          .join(', '),
      ),
      textCell(outcome(i)),
      { raw: judgementsText(i), text: judgementsText(i), classes: 'govuk-body-s' },
    ]),
    fileName: downloadFileName(`lantern-school-${p.school.urn}-ofsted`),
    notes: [
      'Source: Ofsted management information, as imported into Lantern. Grades as Ofsted published them.',
    ],
  };
}

/** The headline of an inspection in Ofsted's own words: never a number made from report-card grades. */
function outcome(i: StoredInspection): string {
  if (i.framework === 'report-card') {
    const concern = i.categoryOfConcern ? `; category of concern: ${i.categoryOfConcern}` : '';
    return `Safeguarding: ${i.safeguarding ?? 'not given'}${concern}`;
  }
  if (i.overallEffectiveness) return `Overall effectiveness: ${gradedName(i.overallEffectiveness)}`;
  const ungraded = Object.values(i.judgements)[0];
  return ungraded ? `Ungraded: ${ungraded}` : 'No overall grade published';
}

function judgementsText(i: StoredInspection): string {
  const entries = Object.entries(i.judgements);
  if (i.framework === 'report-card') {
    const order = (k: string) => {
      const at = (reportCardAreas as readonly string[]).indexOf(k);
      return at < 0 ? 99 : at;
    };
    return entries
      .sort((a, b) => order(a[0]) - order(b[0]))
      .map(([k, v]) => `${k}: ${v === '9' ? 'not graded (ungraded visit)' : v}`)
      .join('; ');
  }
  return entries.map(([k, v]) => `${k}: ${gradedName(v)}`).join('; ');
}
