import type { Queryable } from '../core/db.js';

/** What a file says about a school: GIAS says all of it; other files say what they know. */
export interface SchoolListing {
  urn: number;
  name: string;
  laCode: number | null;
  estab?: number | null;
  phase?: string | null;
  schoolType?: string | null;
  typeGroup?: string | null;
  status?: string | null;
  trust?: string | null;
  /** ISO dates, YYYY-MM-DD. */
  openDate?: string | null;
  closeDate?: string | null;
  capacity?: number | null;
  pupils?: number | null;
  religiousCharacter?: string | null;
  gender?: string | null;
  ageLow?: number | null;
  ageHigh?: number | null;
  postcode?: string | null;
}

export type RegisterSource = 'gias' | 'performance-tables' | 'ofsted' | 'ees' | 'demo';

const fields = [
  ['name', 'text', (s: SchoolListing) => s.name],
  ['la_code', 'int', (s: SchoolListing) => s.laCode],
  ['estab', 'int', (s: SchoolListing) => s.estab ?? null],
  ['phase', 'text', (s: SchoolListing) => s.phase ?? null],
  ['school_type', 'text', (s: SchoolListing) => s.schoolType ?? null],
  ['type_group', 'text', (s: SchoolListing) => s.typeGroup ?? null],
  ['status', 'text', (s: SchoolListing) => s.status ?? null],
  ['trust', 'text', (s: SchoolListing) => s.trust ?? null],
  ['open_date', 'date', (s: SchoolListing) => s.openDate ?? null],
  ['close_date', 'date', (s: SchoolListing) => s.closeDate ?? null],
  ['capacity', 'int', (s: SchoolListing) => s.capacity ?? null],
  ['pupils', 'int', (s: SchoolListing) => s.pupils ?? null],
  ['religious_character', 'text', (s: SchoolListing) => s.religiousCharacter ?? null],
  ['gender', 'text', (s: SchoolListing) => s.gender ?? null],
  ['age_low', 'int', (s: SchoolListing) => s.ageLow ?? null],
  ['age_high', 'int', (s: SchoolListing) => s.ageHigh ?? null],
  ['postcode', 'text', (s: SchoolListing) => s.postcode ?? null],
] as const;

const batchSize = 5_000;

/**
 * Writes schools to the register. GIAS is the register of record, so its rows replace what is
 * there; any other source only fills in what nothing has said yet (a performance-table file
 * never renames a school GIAS named). Returns how many rows were new.
 */
export async function saveSchools(
  tx: Queryable,
  rows: SchoolListing[],
  source: RegisterSource,
  releaseId: number,
): Promise<number> {
  const authoritative = source === 'gias' || source === 'demo';
  const names = fields.map(([column]) => column);
  const set = authoritative
    ? names.map((c) => `${c} = excluded.${c}`)
    : [
        // A GIAS row is never overwritten; others fill the gaps of earlier non-GIAS rows.
        ...names.map((c) => `${c} = coalesce(school.${c}, excluded.${c})`),
      ];
  let created = 0;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const params: unknown[] = [batch.map((r) => r.urn)];
    for (const [, , get] of fields) params.push(batch.map((r) => get(r)));
    params.push(source, releaseId);
    const n = fields.length;
    const unnestTypes = ['int', ...fields.map(([, type]) => type)]
      .map((type, i) => `$${i + 1}::${type}[]`)
      .join(', ');
    const result = await tx.query<{ created: boolean }>(
      `insert into school (urn, ${names.join(', ')}, source, release_id)
       select t.*, $${n + 2}, $${n + 3} from unnest(${unnestTypes}) as t
       on conflict (urn) do update set ${set.join(', ')},
         source = case when school.source = 'gias' and excluded.source <> 'demo' then school.source else excluded.source end,
         release_id = case when school.source = 'gias' and excluded.source <> 'gias' then school.release_id else excluded.release_id end
       ${authoritative ? '' : "where school.source <> 'gias'"}
       returning (xmax = 0) as created`,
      params,
    );
    created += result.filter((r) => r.created).length;
  }
  return created;
}

export interface SchoolLink {
  urn: number;
  linkedUrn: number;
  linkType: string;
  linkedName: string | null;
  /** ISO date or null (GIAS leaves it blank in about a quarter of rows). */
  establishedOn: string | null;
}

/** Replaces every link with the file's: the GIAS links file is the whole national list. */
export async function replaceSchoolLinks(
  tx: Queryable,
  links: SchoolLink[],
  releaseId: number,
): Promise<{ before: number }> {
  const before = await tx.query<{ n: number }>('select count(*)::int as n from school_link');
  await tx.query('delete from school_link');
  for (let start = 0; start < links.length; start += batchSize * 4) {
    const batch = links.slice(start, start + batchSize * 4);
    await tx.query(
      `insert into school_link (urn, linked_urn, link_type, linked_name, established_on, release_id)
       select u, l, t, n, d, $6 from unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::date[]) as x(u, l, t, n, d)
       on conflict do nothing`,
      [
        batch.map((r) => r.urn),
        batch.map((r) => r.linkedUrn),
        batch.map((r) => r.linkType),
        batch.map((r) => r.linkedName),
        batch.map((r) => r.establishedOn),
        releaseId,
      ],
    );
  }
  return { before: before[0]?.n ?? 0 };
}

interface SchoolLinkRow {
  urn: number;
  linked_urn: number;
  link_type: string;
  linked_name: string | null;
  established_on: string | null;
}

const linkSelect = `select urn, linked_urn, link_type, linked_name,
         to_char(established_on, 'YYYY-MM-DD') as established_on
    from school_link`;

const toLink = (r: SchoolLinkRow): SchoolLink => ({
  urn: r.urn,
  linkedUrn: r.linked_urn,
  linkType: r.link_type,
  linkedName: r.linked_name,
  establishedOn: r.established_on,
});

/**
 * A school's links both ways round: the rows GIAS published from its side (`urn`) and those
 * that name it from the other side (`linked_urn`), as schools/succession.ts reads them.
 */
export async function listSchoolLinks(db: Queryable, urn: number): Promise<SchoolLink[]> {
  const rows = await db.query<SchoolLinkRow>(
    `${linkSelect} where urn = $1 or linked_urn = $1 order by urn, linked_urn, link_type`,
    [urn],
  );
  return rows.map(toLink);
}

/**
 * The links of a school and of the schools linked to it, and theirs, up to `steps` links away:
 * what predecessors() and successors() need to follow a chain of URNs. `follow` says which links
 * lead further (schools/succession.ts continuesSeries; every link when omitted).
 */
export async function listSchoolLinksAround(
  db: Queryable,
  urn: number,
  options: { steps?: number; follow?: (link: SchoolLink) => boolean } = {},
): Promise<SchoolLink[]> {
  const { steps = 10, follow = () => true } = options;
  const found = new Map<string, SchoolLink>();
  const reached = new Set([urn]);
  let frontier = [urn];
  for (let step = 0; step < steps && frontier.length > 0; step++) {
    const rows = await db.query<SchoolLinkRow>(
      `${linkSelect} where urn = any($1::int[]) or linked_urn = any($1::int[])`,
      [frontier],
    );
    const next: number[] = [];
    for (const link of rows.map(toLink)) {
      found.set(`${link.urn} ${link.linkedUrn} ${link.linkType}`, link);
      if (!follow(link)) continue;
      for (const other of [link.urn, link.linkedUrn])
        if (!reached.has(other)) {
          reached.add(other);
          next.push(other);
        }
    }
    frontier = next;
  }
  return [...found.values()].sort(
    (a, b) => a.urn - b.urn || a.linkedUrn - b.linkedUrn || a.linkType.localeCompare(b.linkType),
  );
}
