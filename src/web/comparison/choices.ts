import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Page } from '../app.js';
import { withQuery } from './cells.js';

/** A query parameter whose value is not one the page offers (an unknown year or set). */
export interface BadChoice {
  parameter: string;
  given: string;
  /** What the parameter is called in words: "year", "statistical-neighbour set". */
  noun: string;
  valid: { value: string; label: string }[];
}

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

/** 400: a page (or JSON) naming the valid values, each a link to the same view with it chosen. */
export async function sendBadChoice(
  page: Page,
  request: FastifyRequest,
  reply: FastifyReply,
  bad: BadChoice,
): Promise<FastifyReply> {
  const message = `There is no ${bad.noun} "${bad.given}" here. Choose one of: ${bad.valid.map((v) => v.value).join(', ')}.`;
  if (request.url.startsWith('/api/')) {
    return reply.code(400).send({
      error: {
        code: 'LANTERN_USAGE',
        message,
        parameter: bad.parameter,
        valid: bad.valid.map((v) => v.value),
      },
    });
  }
  return page.render(
    reply,
    'pages/bad-choice.njk',
    {
      bad,
      options: bad.valid.map((v) => ({
        label: v.label,
        href: withQuery(request.url, { [bad.parameter]: v.value }),
      })),
    },
    400,
  );
}

/** A query value as one string (Fastify gives an array for a repeated parameter). */
export function queryString(value: unknown): string | undefined {
  if (Array.isArray(value)) return queryString(value[0]);
  return typeof value === 'string' && value !== '' ? value : undefined;
}
