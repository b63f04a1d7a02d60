/**
 * Table cells of school figures, for every page that shows one (profile, LA list, family). The
 * page shows schools/school-figures.ts's words; downloads carry the number, or the code the
 * DfE published in its place (SUPP), never a rounded or re-worded value.
 */
import type { HeadlineFigure } from '../../schools/headlines.js';
import type { Reading } from '../../schools/profile.js';
import { formatSchoolFigure } from '../../schools/school-figures.js';
import { renderComponent } from '../render.js';
import type { DataCell } from './data-table.js';

export function schoolFigureCell(
  figure: Pick<HeadlineFigure, 'unit' | 'decimals'>,
  reading: Reading | null,
  notPublished: string | null = null,
): DataCell {
  if (notPublished) return { raw: 'not published', text: notPublished, classes: 'govuk-body-s' };
  const text = formatSchoolFigure(figure, reading);
  const marker = reading !== null && reading.value === null && reading.marker !== null;
  return {
    raw: reading?.value ?? reading?.marker ?? null,
    ...(marker ? { html: renderComponent('value', { text, marker }) } : { text }),
    classes: 'lantern-nowrap',
  };
}
