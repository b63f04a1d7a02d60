import { key } from '../../route-schemas.js';
import type { Services } from '../../services/services.js';
import { checkChoice, queryString, yearChoices, type Checked } from '../bad-choice/bad-choice.js';

export type NeighboursData = Awaited<ReturnType<Services['comparison']['neighbours']>>;

/** `?set=&year=` checked against what the measure has; the page and its JSON share it. */
export async function neighboursQuery(
  services: Services,
  laCode: number,
  measure: string,
  query: Record<string, unknown>,
): Promise<Checked<NeighboursData>> {
  const year = queryString(query.year);
  const set = queryString(query.set);
  const [latest, sets] = [
    await services.benchmarks.measure(measure, {}),
    await services.comparison.neighbourSets(),
  ];
  const setChoices = sets.map((s) => ({ value: s.version, label: s.description }));
  const bad =
    checkChoice('set', 'statistical-neighbour set', set, setChoices) ??
    checkChoice('year', 'year', year, yearChoices(latest.yearLabels));
  if (bad) return { ok: false, bad };
  return {
    ok: true,
    data: await services.comparison.neighbours(laCode, latest.measure.code, year, set),
  };
}

/** The page's parameters; its JSON (api/comparison.api.ts) takes the same but the downloads. */
export const neighboursParams = {
  params: { code: key, measure: key },
  query: { set: key, year: key },
};
