import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { LanternError } from '../../../core/errors.js';
import { familyOutcomes } from '../../../schools/families-outcomes.js';
import type { PoolKind } from '../../../schools/families-pool.js';
import { defaultVariableIds, familySize, familyVariables } from '../../../schools/families.js';
import { pageFrame, schoolReleaseSources, sendRequestedTable } from '../../layouts/page-frame.js';
import { openStatistics } from '../../plugins/access.js';
import type { Page } from '../../render.js';
import { downloadQuery, key, keys, routeSchema } from '../../route-schemas.js';
import { schoolHrefs } from '../../urls.js';
import {
  checkChoice,
  queryString,
  sendBadChoice,
  type BadChoice,
} from '../bad-choice/bad-choice.js';
import { isUrn } from '../school/school.routes.js';
import { familyTable } from './school-family.view.js';

type Query = {
  size?: string;
  pool?: string;
  variables?: string | string[];
  outcome?: string;
  year?: string;
};
type Request = FastifyRequest<{ Params: { urn: string }; Querystring: Query }>;

const query = { size: key, pool: key, variables: keys, outcome: key, year: key, ...downloadQuery };

const sizes = Array.from({ length: familySize.max }, (_, i) => String(i + 1));
const poolNames: Record<PoolKind, string> = {
  england: 'All of England',
  region: 'Its region',
  la: 'Its own LA',
};
const variableIds = [...new Set(familyVariables.map((v) => v.id))];

const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === 'string' && x !== '',
  );

function badChoice(q: Query): BadChoice | undefined {
  const plain = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
  const badVariable = list(q.variables).find((v) => !variableIds.includes(v));
  return (
    checkChoice('size', 'family size', queryString(q.size), plain(sizes)) ??
    checkChoice('pool', 'pool', queryString(q.pool), plain(Object.keys(poolNames))) ??
    checkChoice('variables', 'family variable', badVariable, plain(variableIds)) ??
    checkChoice(
      'outcome',
      'outcome',
      queryString(q.outcome),
      plain(familyOutcomes.map((o) => o.figure.code)),
    )
  );
}

/** The form's choices for a school of `phase`, each with the one chosen now selected. */
function formItems(phase: string | null, q: Query) {
  const chosen = list(q.variables).length ? list(q.variables) : [...defaultVariableIds];
  const forPhase = familyVariables.filter(
    (v) => v.phases === null || (phase !== null && v.phases.includes(phase)),
  );
  const variables = [...new Map(forPhase.map((v) => [v.id, v])).values()].map((v) => ({
    value: v.id,
    text: v.label,
    checked: chosen.includes(v.id),
  }));
  const outcomes = familyOutcomes.filter((o) => phase !== null && o.phases.includes(phase));
  const size = queryString(q.size) ?? String(familySize.default);
  const pool = (queryString(q.pool) ?? 'england') as PoolKind;
  return {
    variables,
    outcomes: outcomes.map((o, i) => ({
      value: o.figure.code,
      text: o.figure.label,
      selected:
        (queryString(q.outcome) ?? outcomes[0]?.figure.code) === o.figure.code ||
        (i === 0 && !q.outcome),
    })),
    sizes: [
      '5',
      '10',
      '20',
      '30',
      '50',
      ...(['5', '10', '20', '30', '50'].includes(size) ? [] : [size]),
    ].map((s) => ({
      value: s,
      text: `${s} schools`,
      selected: s === size,
    })),
    pools: (Object.keys(poolNames) as PoolKind[]).map((p) => ({
      value: p,
      text: poolNames[p],
      checked: p === pool,
    })),
  };
}

function optionsOf(q: Query) {
  return {
    size: Number(queryString(q.size) ?? familySize.default),
    pool: (queryString(q.pool) ?? 'england') as PoolKind,
    ...(list(q.variables).length ? { variables: list(q.variables) } : {}),
    ...(queryString(q.outcome) ? { outcome: queryString(q.outcome)! } : {}),
    ...(queryString(q.year) ? { year: queryString(q.year)! } : {}),
  };
}

/** The family, or why there is none in words (a school with no phase, a missing figure...). */
async function tryFamily(page: Page, urn: number, options: ReturnType<typeof optionsOf>) {
  try {
    return { family: await page.services.schools.family(urn, options), problem: null };
  } catch (e) {
    if (!(e instanceof LanternError)) throw e;
    return { family: null, problem: e.hint ? `${e.message} ${e.hint}` : e.message };
  }
}

/**
 * `/school/:urn/family?size=&pool=&variables=&outcome=&year=`: the school's family of similar
 * schools (docs/methods.md "Families of similar schools"), ranked on an outcome, with the ones
 * markedly better to learn from. A family that cannot be made says why on the page.
 */
export function schoolFamilyPage(page: Page): FastifyPluginAsync {
  const { services } = page;
  return async (app) => {
    app.get(
      '/school/:urn/family',
      { schema: routeSchema({ params: { urn: key }, query }), config: openStatistics },
      async (request: Request, reply) => {
        if (!isUrn(request.params.urn)) return reply.callNotFound();
        const urn = Number(request.params.urn);
        const q = request.query;
        const bad = badChoice(q);
        if (bad) return sendBadChoice(page, request, reply, bad);
        const profile = await services.schools.profile(urn);
        if (!profile) return reply.callNotFound();
        const { family, problem } = await tryFamily(page, urn, optionsOf(q));
        const table = family ? familyTable(family) : null;
        if (table && (await sendRequestedTable(request, reply, [table]))) return reply;
        const s = profile.school;
        const frame = await pageFrame(page, request, {
          title: `${s.name}: similar schools`,
          breadcrumbs: [
            { text: 'Local authorities', href: '/' },
            ...(profile.la
              ? [
                  { text: profile.la.name, href: `/la/${profile.la.code}` },
                  { text: 'Schools', href: schoolHrefs.laList(profile.la.code) },
                ]
              : []),
            { text: s.name, href: schoolHrefs.profile(urn) },
          ],
          tables: table ? [table] : [],
          tableClasses: 'govuk-table--small-text-until-tablet',
          releaseSources: schoolReleaseSources,
        });
        const learnFrom = family
          ? family.members.filter((m) => family.toLearnFrom.includes(m.urn))
          : [];
        return page.render(reply, 'pages/school-family/school-family.njk', {
          frame,
          school: s,
          family,
          problem,
          base: schoolHrefs.family(urn),
          ...formItems(s.phase, q),
          learnFrom: learnFrom.map((m) => ({ text: m.name, href: schoolHrefs.profile(m.urn) })),
        });
      },
    );
  };
}
