import type { Scorecard } from '../../benchmarks/benchmark.js';
import type { Measure } from '../../measures/measure.js';

/** What the scorecard leaves out of each measure: its long texts, the same for every LA. */
type LongTexts = 'chartTitle' | 'description' | 'methodology' | 'sourceLinks';

export type MeasureHeading = Omit<Measure, LongTexts> & { href: string };

/**
 * The scorecard as the API sends it. Each measure carries what is needed to read its figures
 * (name, polarity, places, unit, dates) and a link to the rest: the long texts were 758 KB of
 * the 1.1 MB answer for Somerset, repeated for every LA, and a client that does not ask for gzip
 * waited on them.
 */
export function scorecardForApi(scorecard: Scorecard) {
  const measurePath = (code: string) =>
    `/api/v1/la/${scorecard.laCode}/measure/${encodeURIComponent(code)}`;
  return {
    ...scorecard,
    topics: scorecard.topics.map(({ topic, entries }) => ({
      topic,
      entries: entries.map(({ measure, ...entry }) => ({
        measure: heading(measure, measurePath(measure.code)),
        ...entry,
      })),
    })),
  };
}

function heading(measure: Measure, href: string): MeasureHeading {
  const { chartTitle, description, methodology, sourceLinks, ...kept } = measure;
  return { ...kept, href };
}
