import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Page } from '../../render.js';
import { canonicalUrl, withQuery } from '../../url.js';

/** A query parameter whose value is not one the page offers (an unknown year or set). */
export interface BadChoice {
  parameter: string;
  given: string;
  /** What the parameter is called in words: "year", "statistical-neighbour set". */
  noun: string;
  valid: { value: string; label: string }[];
}

/** What a page's query resolves to: its data, or the choice that is not valid. */
export type Checked<T> = { ok: true; data: T } | { ok: false; bad: BadChoice };

/** The BadChoice for `given`, or undefined when it is absent or valid. */
export function checkChoice(
  parameter: string,
  noun: string,
  given: string | undefined,
  valid: { value: string; label: string }[],
): BadChoice | undefined {
  if (given === undefined || valid.some((v) => v.value === given)) return undefined;
  return { parameter, noun, given, valid };
}

/** The years of a measure as choices. */
export function yearChoices(yearLabels: string[]): { value: string; label: string }[] {
  return yearLabels.map((y) => ({ value: y, label: y }));
}

export function badChoiceMessage(bad: BadChoice): string {
  return `There is no ${bad.noun} "${bad.given}" here. Choose one of: ${bad.valid.map((v) => v.value).join(', ')}.`;
}

/** 400 for the JSON API: the message, the parameter and its valid values. */
export function sendBadChoiceJson(reply: FastifyReply, bad: BadChoice): FastifyReply {
  return reply.code(400).send({
    error: {
      code: 'LANTERN_USAGE',
      message: badChoiceMessage(bad),
      parameter: bad.parameter,
      valid: bad.valid.map((v) => v.value),
    },
  });
}

/** 400: a page naming the valid values, each a link to the same view with it chosen. */
export async function sendBadChoice(
  page: Page,
  request: FastifyRequest,
  reply: FastifyReply,
  bad: BadChoice,
): Promise<FastifyReply> {
  return page.render(
    reply,
    'pages/bad-choice/bad-choice.njk',
    {
      bad,
      options: bad.valid.map((v) => ({
        label: v.label,
        href: withQuery(canonicalUrl(request), { [bad.parameter]: v.value }),
      })),
    },
    400,
  );
}

/**
 * A page's data from its checked query: 404 when the path names nothing, the bad-choice page
 * for a choice that is not offered; undefined when such a reply has been sent.
 */
export async function checkedPageData<T>(
  page: Page,
  request: FastifyRequest,
  reply: FastifyReply,
  pathIsValid: boolean,
  query: () => Promise<Checked<T>>,
): Promise<T | undefined> {
  if (!pathIsValid) return void (await reply.callNotFound());
  const checked = await query();
  if (!checked.ok) return void (await sendBadChoice(page, request, reply, checked.bad));
  return checked.data;
}

/** A query value as one string (Fastify gives an array for a repeated parameter). */
export function queryString(value: unknown): string | undefined {
  if (Array.isArray(value)) return queryString(value[0]);
  return typeof value === 'string' && value !== '' ? value : undefined;
}
