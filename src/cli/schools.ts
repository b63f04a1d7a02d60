import { resolveLocalAuthority } from '../measures/area-lookup.js';
import { columnKey } from '../schools/la-schools.js';
import { loadLaSchools, type LaSchoolsList } from '../schools/la-schools.service.js';
import { formatSchoolFigure, yearNotes } from '../schools/school-figures.js';
import { sectionTitles } from '../schools/headlines.js';
import {
  loadSchoolProfile,
  schoolJson,
  type SchoolProfile,
} from '../schools/school-profile.service.js';
import { CliUsageError } from './cli-error.js';
import { withDb, type CliContext } from './context.js';
import { parseFormat, renderCsv, renderJson, renderTable } from './output.js';

/** `lantern school --urn URN [--format table|json]` */
export async function schoolCommand(
  ctx: CliContext,
  options: { urn: string; format?: string },
): Promise<void> {
  const format = parseFormat(options.format);
  if (!/^\d{1,7}$/.test(options.urn.trim()))
    throw new CliUsageError(`--urn ${options.urn} is not a URN: give the school's 6-digit URN.`);
  const urn = Number(options.urn);
  const profile = await withDb(ctx, (db) => loadSchoolProfile(db, urn));
  if (!profile)
    throw new CliUsageError(
      `Lantern holds nothing about URN ${urn}. Import GIAS or performance-table files that list it (lantern import gias|performance-tables).`,
    );
  if (format === 'json') ctx.stdout(renderJson(schoolJson(profile)));
  else if (format === 'csv') ctx.stdout(profileCsv(profile));
  else ctx.stdout(profileTable(profile));
}

function profileTable(p: SchoolProfile): string {
  const s = p.school;
  const head = [
    `${s.name} (URN ${s.urn})`,
    [p.la ? `${p.la.name} (${p.la.code})` : null, s.phase, s.schoolType, s.trust, s.status]
      .filter(Boolean)
      .join(', '),
    ...p.predecessors.map(
      (x) =>
        `Before: ${x.name ?? 'a school'} (URN ${x.urn}), ${x.linkType}${x.date ? ` ${x.date}` : ''}`,
    ),
  ];
  const blocks = p.sections.map((section) => {
    const rows = section.rows.flatMap((r) =>
      r.years.map((y) => [
        r.figure.label,
        y.yearLabel,
        y.notPublished ?? withNotes(formatSchoolFigure(r.figure, y.school), yearNotes(y, r.figure)),
        formatSchoolFigure(r.figure, y.la),
        formatSchoolFigure(r.figure, y.england),
      ]),
    );
    const columns = [
      { header: sectionTitles[section.group] },
      { header: 'Year' },
      { header: 'School', align: 'right' as const },
      { header: 'LA', align: 'right' as const },
      { header: 'England', align: 'right' as const },
    ];
    return renderTable(columns, rows);
  });
  return `${head.join('\n')}\n\n${blocks.join('\n')}`;
}

function withNotes(text: string, notes: string[]): string {
  return notes.length ? `${text} (${notes.join('; ')})` : text;
}

function profileCsv(p: SchoolProfile): string {
  return renderCsv(
    ['urn', 'publication', 'code', 'year', 'value', 'marker', 'text', 'published_under_urn'],
    p.figures.map((f) => [
      p.school.urn,
      f.publication,
      f.code,
      f.yearLabel,
      f.value,
      f.marker,
      f.text,
      f.urn,
    ]),
  );
}

/** `lantern schools --la CODE [--format table|csv|json]` */
export async function schoolsCommand(
  ctx: CliContext,
  options: { la: string; format?: string },
): Promise<void> {
  const format = parseFormat(options.format);
  const list = await withDb(ctx, async (db) =>
    loadLaSchools(db, (await resolveLocalAuthority(db, options.la)).code),
  );
  if (format === 'json') ctx.stdout(renderJson(listJson(list)));
  else if (format === 'csv') ctx.stdout(listCsv(list));
  else ctx.stdout(listTable(list));
}

const registerHeader = ['urn', 'name', 'la_code', 'phase', 'type', 'trust', 'status'];
/** The latest Ofsted outcome as the web list shows it (ofsted-outcome.ts), and when it was. */
const ofstedHeader = ['ofsted', 'ofsted_outcome', 'ofsted_inspected_on'];

function listCsv(list: LaSchoolsList): string {
  const header = [
    ...registerHeader,
    ...ofstedHeader,
    ...list.columns.flatMap((c) => [
      `${c.figure.code} ${c.yearLabel}`,
      `${c.figure.code} ${c.yearLabel} marker`,
    ]),
  ];
  const rows = list.schools.map((l) => [
    l.school.urn,
    l.school.name,
    l.school.laCode,
    l.school.phase,
    l.school.schoolType,
    l.school.trust,
    l.school.status,
    l.ofsted.key,
    l.ofsted.short,
    l.inspectedOn,
    ...list.columns.flatMap((c) => {
      const r = l.figures[columnKey(c.figure)];
      return [r?.value ?? null, r?.marker ?? null];
    }),
  ]);
  return renderCsv(header, rows);
}

function listJson(list: LaSchoolsList) {
  return {
    laCode: list.laCode,
    columns: list.columns.map((c) => ({
      publication: c.figure.publication,
      code: c.figure.code,
      label: c.figure.label,
      year: c.yearLabel,
    })),
    schools: list.schools.map((l) => ({
      urn: l.school.urn,
      name: l.school.name,
      phase: l.school.phase,
      type: l.school.schoolType,
      trust: l.school.trust,
      status: l.school.status,
      ofsted: { key: l.ofsted.key, outcome: l.ofsted.short, inspectedOn: l.inspectedOn },
      measures: list.columns.map((c) => {
        const r = l.figures[columnKey(c.figure)];
        return {
          code: c.figure.code,
          year: c.yearLabel,
          value: r?.value ?? null,
          marker: r?.marker ?? null,
        };
      }),
    })),
  };
}

function listTable(list: LaSchoolsList): string {
  const columns = [
    { header: 'URN' },
    { header: 'School' },
    { header: 'Phase' },
    { header: 'Latest Ofsted' },
    ...list.columns.map((c) => ({
      header: `${c.figure.short} ${c.yearLabel}`,
      align: 'right' as const,
    })),
  ];
  const rows = list.schools.map((l) => [
    String(l.school.urn),
    l.school.name,
    l.school.phase ?? '',
    l.ofsted.short,
    ...list.columns.map((c) =>
      formatSchoolFigure(c.figure, l.figures[columnKey(c.figure)] ?? null),
    ),
  ]);
  return renderTable(columns, rows);
}
