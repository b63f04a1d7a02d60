import { key } from '../../route-schemas.js';
import type { Services } from '../../services/services.js';
import { checkChoice, queryString, yearChoices, type Checked } from '../bad-choice/bad-choice.js';

export type RegionData = Awaited<ReturnType<Services['comparison']['region']>>;

/** `?year=` checked against the measure's years; the page and its JSON share it. */
export async function regionQuery(
  services: Services,
  regionCode: number,
  measure: string,
  query: Record<string, unknown>,
): Promise<Checked<RegionData>> {
  const year = queryString(query.year);
  const latest = await services.benchmarks.measure(measure, {});
  const bad = checkChoice('year', 'year', year, yearChoices(latest.yearLabels));
  if (bad) return { ok: false, bad };
  return {
    ok: true,
    data: await services.comparison.region(regionCode, latest.measure.code, year),
  };
}

/** The page's parameters; its JSON (api/comparison.api.ts) takes the same but the downloads. */
export const regionParams = { params: { code: key, measure: key }, query: { year: key } };
