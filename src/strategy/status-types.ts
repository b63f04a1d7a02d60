/** The shapes the status engine takes and gives (docs/methods.md, "Strategy targets"). */
import type { Series } from './series.js';
import type { Target } from './strategy-schema.js';

export type TargetState = 'met' | 'on_track' | 'off_track' | 'no_data';
export type Rag = 'green' | 'amber' | 'red' | 'grey';
export type Direction = 'improving' | 'declining' | 'no_change';

export interface TargetForecast {
  /** The years the line was fitted to. */
  years: number[];
  slope: number;
  /** The measure's value the trend gives for the target year, where the target is on the value. */
  valueInTargetYear: number | null;
  /** The first year the trend meets the target; null when it does not within 15 years. */
  reachesIn: number | null;
}

export interface TargetStatus {
  status: TargetState;
  rag: Rag;
  direction: Direction | null;
  reason: string;
  latestValue: number | null;
  latestYear: string | null;
  /** The line the latest figure is judged against (a value, a cut point, a rank, a gap). */
  targetValue: number | null;
  /** How far the latest figure still has to move, in the measure's units (places for a rank); 0 once reached. */
  distance: number | null;
  forecast: TargetForecast | { refused: string } | null;
  whatItTakes: string | null;
  /** Pupils the distance amounts to, where the cohort is known. */
  pupils: number | null;
  /** The measure's "next update" date, once it has passed with no newer figures imported. */
  dataDue: string | null;
  source: string | null;
}

export interface TargetInput {
  target: Target;
  /** null: the strategy names no data source for this measure. */
  series: Series | null;
  noDataSource?: string | undefined;
  /** The Lantern measure code, when the strategy names one but this store holds none of its figures. */
  notImported?: string | undefined;
  /** Gap targets: the other group's measure. */
  other?: Series | null | undefined;
  /**
   * The cohort behind a percentage in each year a count measure gives one, for "what would it
   * take" in pupils: the judged year's, or the latest before it.
   */
  cohorts?: Cohort[] | null | undefined;
  /** The strategy's first year (a gap's "narrows each year" starts there by default). */
  strategyStart: number;
  /** ISO date the status is for. */
  today: string;
}

/** A no-data judgement: grey, with the reason and nothing else. */
export function noData(input: TargetInput, reason: string): TargetStatus {
  return {
    status: 'no_data',
    rag: 'grey',
    direction: null,
    reason,
    latestValue: null,
    latestYear: null,
    targetValue: null,
    distance: null,
    forecast: null,
    whatItTakes: null,
    pupils: null,
    dataDue: null,
    source: input.series?.measure.source ?? null,
  };
}

/** The pupils a percentage is of, in one year. */
export interface Cohort {
  yearNumber: number;
  yearLabel: string;
  pupils: number;
}
