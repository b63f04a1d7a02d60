import { formatCount, formatNumber } from '../core/format.js';
import { familySize, type FamilyVariable } from '../schools/families.js';
import type { PoolKind } from '../schools/families-pool.js';
import type { OutcomeJudgement } from '../schools/families-outcomes.js';
import { loadFamily, type Family } from '../schools/families.service.js';
import { formatSchoolFigure } from '../schools/school-figures.js';
import { CliUsageError } from './cli-error.js';
import { withDb, type CliContext } from './context.js';
import { parseFormat, renderCsv, renderJson, renderTable, type CsvValue } from './output.js';

export interface FamilyCommandOptions {
  urn: string;
  size?: string;
  pool?: string;
  variables?: string;
  outcome?: string;
  year?: string;
  format?: string;
}

const pools: readonly PoolKind[] = ['england', 'region', 'la'];

/** `lantern family --urn URN [--size N] [--pool england|region|la] [--variables a,b] [--outcome CODE]` */
export async function familyCommand(ctx: CliContext, options: FamilyCommandOptions): Promise<void> {
  const format = parseFormat(options.format);
  if (!/^\d{1,7}$/.test(options.urn.trim()))
    throw new CliUsageError(`--urn ${options.urn} is not a URN: give the school's 6-digit URN.`);
  const size = options.size === undefined ? familySize.default : Number(options.size);
  if (!/^\d+$/.test(options.size ?? '20') || size < familySize.min || size > familySize.max)
    throw new CliUsageError(
      `--size ${options.size} is not a family size: give a whole number from ${familySize.min} to ${familySize.max}.`,
    );
  const pool = (options.pool ?? 'england').toLowerCase() as PoolKind;
  if (!pools.includes(pool))
    throw new CliUsageError(`--pool ${options.pool} is not a pool: use england, region or la.`);
  const variables = options.variables?.split(',').filter((v) => v.trim() !== '');
  const urn = Number(options.urn);
  const family = await withDb(ctx, (db) =>
    loadFamily(db, urn, { size, pool, variables, outcome: options.outcome, year: options.year }),
  );
  if (!family)
    throw new CliUsageError(
      `Lantern holds no school with URN ${urn}. Import GIAS or performance-table files that list it (lantern import gias|performance-tables).`,
    );
  if (format === 'json') ctx.stdout(renderJson(familyJson(family)));
  else if (format === 'csv') ctx.stdout(familyCsv(family));
  else ctx.stdout(familyTable(family));
}

const reading = (r: { value: number | null; marker: string | null } | null) =>
  r ? { value: r.value, marker: r.marker } : null;

function judgementJson(j: OutcomeJudgement | null) {
  if (!j) return null;
  return {
    value: j.outcome?.value ?? null,
    marker: j.outcome?.marker ?? null,
    rank: j.rank,
    markedlyBetter: j.markedlyBetter,
    disadvantaged: reading(j.disadvantaged),
    markedlyBetterForDisadvantaged: j.markedlyBetterForDisadvantaged,
  };
}

/** The `--format json` shape: `{urn, members: [{urn, name, distance}], ...}`, distances unrounded. */
export function familyJson(f: Family) {
  const o = f.outcome;
  return {
    urn: f.school.urn,
    name: f.school.name,
    phase: f.school.phase,
    laCode: f.school.laCode,
    pool: { kind: f.pool.kind, code: f.pool.code, name: f.pool.name },
    size: f.size,
    compared: f.compared,
    excluded: f.excluded,
    variables: f.variables.map((u) => ({
      id: u.variable.id,
      publication: u.variable.publication,
      code: u.variable.code,
      label: u.variable.label,
      year: u.yearLabel,
      mean: u.mean,
      sd: u.sd,
      value: u.value,
      z: u.z,
    })),
    outcome: o && {
      publication: o.outcome.figure.publication,
      code: o.outcome.figure.code,
      label: o.outcome.figure.label,
      disadvantagedCode: o.outcome.disadvantaged.code,
      year: o.yearLabel,
      markedlyBetterBy: o.outcome.markedlyBetterBy,
      ranked: o.ranked,
      school: judgementJson(o.school),
    },
    members: f.members.map((m) => ({
      urn: m.urn,
      name: m.name,
      laCode: m.laCode,
      distance: m.distance,
      values: m.values,
      outcome: judgementJson(m.judgement),
    })),
    toLearnFrom: f.toLearnFrom,
    notes: f.notes,
  };
}

const variableText = (v: FamilyVariable, value: number | undefined) =>
  value === undefined ? '–' : formatNumber(value, v.decimals);

const yes = (b: boolean | null) => (b === null ? '' : b ? 'yes' : 'no');

function familyHead(f: Family): string[] {
  const s = f.school;
  const on = f.variables.map((u) => `${u.variable.short} (${u.yearLabel})`).join(', ');
  const lines = [
    `${s.name} (URN ${s.urn}), ${[s.laName, s.phase].filter(Boolean).join(', ')}`,
    `Its ${f.members.length} most similar ${s.phase.toLowerCase()} schools in ${f.pool.name}, on ${on}.`,
    `${formatCount(f.compared)} schools compared; ${formatCount(f.excluded.schools)} left out for a missing figure.`,
  ];
  const o = f.outcome;
  if (o) {
    const fig = o.outcome.figure;
    lines.push(
      `Ranked on ${fig.label} (${o.yearLabel}): the school is ${o.school.rank ?? 'unranked (no figure)'} of the ${o.ranked} schools of the family with a figure, itself included. Markedly better: ${formatNumber(o.outcome.markedlyBetterBy, fig.decimals)} or more above the school, for all pupils or for disadvantaged pupils.`,
    );
  }
  return lines;
}

/** The school, then its family nearest first, with the outcome and who does markedly better. */
function familyTable(f: Family): string {
  const o = f.outcome;
  const figure = o?.outcome.figure;
  const columns = [
    { header: '#', align: 'right' as const },
    { header: 'URN' },
    { header: 'School' },
    { header: 'LA' },
    { header: 'Distance', align: 'right' as const },
    ...f.variables.map((u) => ({ header: u.variable.short, align: 'right' as const })),
    ...(o && figure
      ? [
          { header: figure.short, align: 'right' as const },
          { header: 'Rank', align: 'right' as const },
          { header: o.outcome.disadvantaged.short, align: 'right' as const },
          { header: 'Markedly better' },
        ]
      : []),
  ];
  const outcomeCells = (j: OutcomeJudgement | null): string[] => {
    if (!o || !figure) return [];
    const better = [
      j?.markedlyBetter ? 'all pupils' : '',
      j?.markedlyBetterForDisadvantaged ? 'disadvantaged' : '',
    ];
    return [
      formatSchoolFigure(figure, j?.outcome ?? null),
      j?.rank == null ? '–' : String(j.rank),
      formatSchoolFigure(o.outcome.disadvantaged, j?.disadvantaged ?? null),
      better.filter(Boolean).join(', '),
    ];
  };
  const own = Object.fromEntries(f.variables.map((u) => [u.variable.id, u.value]));
  const rows = [
    [
      '',
      String(f.school.urn),
      `${f.school.name} (this school)`,
      f.school.laName ?? '',
      '',
      ...f.variables.map((u) => variableText(u.variable, own[u.variable.id])),
      ...outcomeCells(o?.school ?? null),
    ],
    ...f.members.map((m, i) => [
      String(i + 1),
      String(m.urn),
      m.name,
      m.laName ?? '',
      formatNumber(m.distance, 2),
      ...f.variables.map((u) => variableText(u.variable, m.values[u.variable.id])),
      ...outcomeCells(m.judgement),
    ]),
  ];
  const tail = f.notes.length > 0 ? `\n${f.notes.join('\n')}\n` : '';
  return `${familyHead(f).join('\n')}\n\n${renderTable(columns, rows)}${tail}`;
}

/** One row for the school, then one a member, nearest first: raw values, markers beside them. */
function familyCsv(f: Family): string {
  const header = [
    'role',
    'urn',
    'name',
    'la_code',
    'distance',
    ...f.variables.map((u) => `${u.variable.code} ${u.yearLabel}`),
    ...(f.outcome
      ? outcomeHeader(f.outcome.outcome.figure.code, f.outcome.outcome.disadvantaged.code)
      : []),
  ];
  const cells = (j: OutcomeJudgement | null): CsvValue[] =>
    f.outcome
      ? [
          j?.outcome?.value,
          j?.outcome?.marker,
          j?.rank,
          yes(j?.markedlyBetter ?? null),
          j?.disadvantaged?.value,
          j?.disadvantaged?.marker,
          yes(j?.markedlyBetterForDisadvantaged ?? null),
        ]
      : [];
  const rows: CsvValue[][] = [
    [
      'school',
      f.school.urn,
      f.school.name,
      f.school.laCode,
      0,
      ...f.variables.map((u) => u.value),
      ...cells(f.outcome?.school ?? null),
    ],
    ...f.members.map((m) => [
      'member',
      m.urn,
      m.name,
      m.laCode,
      m.distance,
      ...f.variables.map((u) => m.values[u.variable.id]),
      ...cells(m.judgement),
    ]),
  ];
  return renderCsv(header, rows);
}

function outcomeHeader(code: string, disadvantaged: string): string[] {
  return [
    code,
    `${code} marker`,
    `${code} rank`,
    `${code} markedly better`,
    disadvantaged,
    `${disadvantaged} marker`,
    `${disadvantaged} markedly better`,
  ];
}
