import Papa from 'papaparse';
import type { SchoolListing } from '../../schools/register.repository.js';
import { parseCsvTable, requireColumns, type CsvTable } from '../shared/csv-table.js';
import { emptyFileError } from '../shared/file-checks.js';
import type { ProblemCollector } from '../shared/problems.js';
import { GiasRow } from './gias.cells.js';
import { giasSource, type GiasFile } from './gias.files.js';

/** The extract's columns Lantern reads, and what each is for (named when one is missing). */
export const establishmentColumns = {
  urn: ['URN', 'the school'],
  laCode: ['LA (code)', "the school's local authority"],
  estab: ['EstablishmentNumber', 'the LAESTAB number'],
  name: ['EstablishmentName', "the school's name"],
  schoolType: ['TypeOfEstablishment (name)', 'the type of school'],
  typeGroup: ['EstablishmentTypeGroup (name)', 'academy or maintained'],
  status: ['EstablishmentStatus (name)', 'open or closed'],
  openDate: ['OpenDate', 'when the school opened'],
  closeDate: ['CloseDate', 'when the school closed'],
  phase: ['PhaseOfEducation (name)', 'primary, secondary, ...'],
  ageLow: ['StatutoryLowAge', 'the youngest age'],
  ageHigh: ['StatutoryHighAge', 'the oldest age'],
  gender: ['Gender (name)', 'boys, girls or mixed'],
  religiousCharacter: ['ReligiousCharacter (name)', 'religious character'],
  capacity: ['SchoolCapacity', 'the number of places'],
  pupils: ['NumberOfPupils', 'the number of pupils'],
  trust: ['Trusts (name)', "the academy's trust"],
  postcode: ['Postcode', "the school's postcode"],
} as const satisfies Record<string, readonly [string, string]>;

const c = Object.fromEntries(
  Object.entries(establishmentColumns).map(([k, [column]]) => [k, column]),
) as { [K in keyof typeof establishmentColumns]: (typeof establishmentColumns)[K][0] };

/** GIAS's own URNs are six digits; the store takes any positive whole number up to this. */
export const urnRange = { min: 1, max: 99_999_999 } as const;
const countRange = { min: 0, max: 100_000 } as const;
const ageRange = { min: 0, max: 99 } as const;

const linkedColumn = 'Linked establishments';
/** "115961 Predecessor": how the extract's last column lists one linked school. */
const linkCell = /^\s*\d+\s+\S/;

/**
 * The extract as a table. Its last column, "Linked establishments", lists a school with two or
 * more links in one field each ("115961 Predecessor","148215 Successor": 69 of the 1,096 rows of
 * the 2022 Hampshire and Surrey extract), so those rows have more fields than the header. Those
 * extra fields, and only those, are folded back into that column; anything else a strict reader
 * would refuse is still refused, by parseCsvTable, with its row.
 */
export function parseEstablishmentTable(text: string, file: string): CsvTable {
  const options = { source: giasSource };
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true });
  const width = parsed.data[0]?.length ?? 0;
  const spills = (r: string[]) =>
    r.length > width && r.slice(width - 1).every((f) => linkCell.test(f));
  // A quote never closed (a file cut short) is still reported, as the short last row; any other
  // malformation is left for parseCsvTable to name, spills and all.
  const cutAtMost = parsed.errors.every((e) => e.code === 'MissingQuotes');
  const hasSpills =
    cutAtMost && parsed.data[0]?.[width - 1]?.trim() === linkedColumn && parsed.data.some(spills);
  if (!hasSpills) return parseCsvTable(text, file, options);
  const folded = parsed.data.map((r) =>
    spills(r) ? [...r.slice(0, width - 1), r.slice(width - 1).join(', ')] : r,
  );
  return parseCsvTable(Papa.unparse(folded, { newline: '\n' }), file, options);
}

/** The extract's rows as register listings; every bad cell is a problem in `problems`. */
export function readEstablishments(
  f: GiasFile,
  laCodes: ReadonlySet<number>,
  problems: ProblemCollector,
  onRow: (done: number) => void = () => {},
): { table: CsvTable; schools: SchoolListing[] } {
  const table = parseEstablishmentTable(f.text, f.file);
  requireColumns(
    table,
    f.file,
    Object.values(establishmentColumns).map(([column, why]) => ({ column, why })),
    `Use the GIAS "all establishment data" extract as downloaded ${giasSource}.`,
  );
  if (table.rows.length === 0) throw emptyFileError(f.file, 'has a header but no schools');
  const schools: SchoolListing[] = [];
  const rowOfUrn = new Map<number, number>();
  for (let i = 0; i < table.rows.length && !problems.full; i++) {
    const row = new GiasRow(table.rows[i]!, i + 2, problems);
    const school = readEstablishment(row, laCodes);
    if (school && rowOfUrn.has(school.urn))
      row.problem(c.urn, `one row per school (row ${rowOfUrn.get(school.urn)} has this URN too)`);
    else if (school) {
      rowOfUrn.set(school.urn, row.row);
      schools.push(school);
    }
    if (i % 1000 === 0) onRow(i);
  }
  onRow(table.rows.length);
  return { table, schools };
}

function readEstablishment(row: GiasRow, laCodes: ReadonlySet<number>): SchoolListing | null {
  const urn = row.whole(c.urn, urnRange, true);
  const name = row.requiredText(c.name, "the school's name");
  const laCode = row.whole(c.laCode, { min: 0, max: 999 }, true);
  if (laCode !== null && !laCodes.has(laCode))
    row.problem(c.laCode, "the number of a local authority in Lantern's list of areas (like 850)");
  const school: SchoolListing = {
    urn: urn ?? 0,
    name: name ?? '',
    laCode,
    estab: row.whole(c.estab, { min: 0, max: 9999 }),
    phase: row.text(c.phase),
    schoolType: row.text(c.schoolType),
    typeGroup: row.text(c.typeGroup),
    status: row.text(c.status),
    trust: row.text(c.trust),
    openDate: row.date(c.openDate),
    closeDate: row.date(c.closeDate),
    capacity: row.whole(c.capacity, countRange),
    pupils: row.whole(c.pupils, countRange),
    religiousCharacter: row.text(c.religiousCharacter),
    gender: row.text(c.gender),
    ageLow: row.whole(c.ageLow, ageRange),
    ageHigh: row.whole(c.ageHigh, ageRange),
    postcode: row.text(c.postcode),
  };
  return urn === null || name === null ? null : school;
}
