import type { Area } from '../measures/areas.js';
import type { CutPoints, LaBenchmark, QuartileBand } from './benchmark.js';
import { directionCodes } from './change.js';

export const bandCodes: readonly (QuartileBand | null)[] = [null, 'A', 'B', 'C', 'D'];

/** Codes for `bandCodes` (0 = none). */
export function bandCode(band: QuartileBand | null): number {
  return band === null ? 0 : band.charCodeAt(0) - 64;
}

/**
 * One measure's results for all its years, column by column (row = year × LA): the engine fills
 * typed arrays instead of allocating an object per row. NaN means missing; 0 means no rank,
 * band or direction; -1 means no previous year or region.
 */
export class MeasureColumns {
  readonly value: Float64Array;
  readonly rank: Int32Array;
  readonly band: Uint8Array;
  readonly snAverage: Float64Array;
  readonly snCount: Int32Array;
  readonly regionValue: Float64Array;
  readonly previousYear: Int32Array;
  readonly change: Float64Array;
  readonly direction: Uint8Array;
  readonly nextBand: Uint8Array;
  readonly distanceToNextBand: Float64Array;
  readonly distanceToEngland: Float64Array;

  constructor(size: number) {
    this.value = new Float64Array(size);
    this.rank = new Int32Array(size);
    this.band = new Uint8Array(size);
    this.snAverage = new Float64Array(size);
    this.snCount = new Int32Array(size);
    this.regionValue = new Float64Array(size);
    this.previousYear = new Int32Array(size);
    this.change = new Float64Array(size);
    this.direction = new Uint8Array(size);
    this.nextBand = new Uint8Array(size);
    this.distanceToNextBand = new Float64Array(size);
    this.distanceToEngland = new Float64Array(size);
  }
}

/** What a year's rows share with the rest of the measure. */
export interface MeasureContext {
  columns: MeasureColumns;
  areas: Area[];
  /** Area indices of the LAs that have rows, in row order. */
  las: Int32Array;
  /** Per row position: the area index of the LA's comparison region, or -1. */
  regions: Int32Array;
  labels: string[];
  /** Suppression markers by (year index × area count + area index). */
  suppression: Map<number, string>;
}

const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** One measure-year: cut points plus one row per LA; `rows` turns the columns into objects on first use. */
export class YearBenchmark {
  private materialised: LaBenchmark[] | undefined;

  constructor(
    readonly yearLabel: string,
    readonly yearNumber: number,
    /** LAIT's latest year: the character maximum of the year labels of the measure's LA rows. */
    readonly isLatest: boolean,
    /** Type-7 cut points of the LA values that year; null when no LA has a value. */
    readonly cutPoints: CutPoints | null,
    readonly englandValue: number | null,
    /** N when ranks apply (polarity set), else null. */
    readonly rankOf: number | null,
    private readonly context: MeasureContext,
    /** Index of this year in `context.labels`. */
    private readonly yearIndex: number,
    /** First row of this year in the columns. */
    private readonly offset: number,
  ) {}

  get rowCount(): number {
    return this.context.las.length;
  }

  /** One row per LA that has a row (with a value or not) in any year of the measure, in area order. */
  get rows(): LaBenchmark[] {
    if (!this.materialised) {
      const rows = new Array<LaBenchmark>(this.rowCount);
      for (let k = 0; k < rows.length; k++) rows[k] = this.row(k);
      this.materialised = rows;
    }
    return this.materialised;
  }

  row(k: number): LaBenchmark {
    const { columns: c, areas, las, regions, labels, suppression } = this.context;
    const i = this.offset + k;
    const a = las[k]!;
    const area = areas[a]!;
    const r = regions[k]!;
    const prev = c.previousYear[i]!;
    return {
      laCode: area.code,
      laName: area.name,
      value: orNull(c.value[i]!),
      suppression: suppression.get(this.yearIndex * areas.length + a) ?? null,
      rank: c.rank[i]! === 0 ? null : c.rank[i]!,
      rankOf: this.rankOf,
      quartileBand: bandCodes[c.band[i]!]!,
      statisticalNeighboursAverage: orNull(c.snAverage[i]!),
      statisticalNeighboursWithValue: c.snCount[i]!,
      regionCode: r >= 0 ? areas[r]!.code : null,
      regionName: r >= 0 ? areas[r]!.name : null,
      regionValue: orNull(c.regionValue[i]!),
      englandValue: this.englandValue,
      previousYearLabel: prev >= 0 ? labels[prev]! : null,
      changeFromPrevious: orNull(c.change[i]!),
      changeDirection: directionCodes[c.direction[i]!]!,
      nextBand: bandCodes[c.nextBand[i]!]!,
      distanceToNextBand: orNull(c.distanceToNextBand[i]!),
      distanceToEngland: orNull(c.distanceToEngland[i]!),
    };
  }
}
