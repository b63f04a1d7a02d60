import type { Queryable } from '../core/db.js';
import type { Measure } from './measure.js';

/** Inserts or replaces measures' metadata (their observations are kept). */
export async function upsertMeasures(
  tx: Queryable,
  measures: Measure[],
  releaseId: number | null,
): Promise<void> {
  for (const m of measures) {
    await tx.query(
      `insert into measure (code, name, topic, polarity, decimal_places, decimal_places_published, year_type, unit_label,
         chart_title, description, methodology, source, source_links, last_update, next_update, no_quartile, release_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       on conflict (code) do update set name = excluded.name, topic = excluded.topic, polarity = excluded.polarity,
         decimal_places = excluded.decimal_places, decimal_places_published = excluded.decimal_places_published,
         year_type = excluded.year_type, unit_label = excluded.unit_label, chart_title = excluded.chart_title,
         description = excluded.description, methodology = excluded.methodology, source = excluded.source,
         source_links = excluded.source_links, last_update = excluded.last_update, next_update = excluded.next_update,
         no_quartile = excluded.no_quartile, release_id = excluded.release_id`,
      [
        m.code,
        m.name,
        m.topic,
        m.polarity,
        m.decimalPlaces,
        m.decimalPlacesPublished,
        m.yearType,
        m.unitLabel,
        m.chartTitle,
        m.description,
        m.methodology,
        m.source,
        m.sourceLinks,
        m.lastUpdate,
        m.nextUpdate,
        m.noQuartile,
        releaseId,
      ],
    );
  }
}

interface MeasureRow {
  code: string;
  name: string;
  topic: string;
  polarity: 'high' | 'low' | null;
  decimal_places: number;
  decimal_places_published: boolean;
  year_type: string | null;
  unit_label: string | null;
  chart_title: string | null;
  description: string | null;
  methodology: string | null;
  source: string | null;
  source_links: string | null;
  last_update: string | null;
  next_update: string | null;
  no_quartile: boolean;
}

const columns = `code, name, topic, polarity, decimal_places, decimal_places_published, year_type, unit_label, chart_title,
  description, methodology, source, source_links, to_char(last_update, 'YYYY-MM-DD') as last_update,
  to_char(next_update, 'YYYY-MM-DD') as next_update, no_quartile`;

function toMeasure(r: MeasureRow): Measure {
  return {
    code: r.code,
    name: r.name,
    topic: r.topic,
    polarity: r.polarity,
    decimalPlaces: r.decimal_places,
    decimalPlacesPublished: r.decimal_places_published,
    yearType: r.year_type,
    unitLabel: r.unit_label,
    chartTitle: r.chart_title,
    description: r.description,
    methodology: r.methodology,
    source: r.source,
    sourceLinks: r.source_links,
    lastUpdate: r.last_update,
    nextUpdate: r.next_update,
    noQuartile: r.no_quartile,
  };
}

export async function listMeasures(db: Queryable): Promise<Measure[]> {
  const rows = await db.query<MeasureRow>(`select ${columns} from measure order by topic, name`);
  return rows.map(toMeasure);
}

export async function findMeasure(db: Queryable, code: string): Promise<Measure | undefined> {
  const rows = await db.query<MeasureRow>(`select ${columns} from measure where code = $1`, [code]);
  return rows[0] ? toMeasure(rows[0]) : undefined;
}
