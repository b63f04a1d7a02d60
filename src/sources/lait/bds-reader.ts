import { parquetMetadata, parquetScan } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';

/** The BDS columns Lantern reads ("Data item", "LA and Regions" and "Region" are labels it does not need). */
export const requiredBdsColumns = ['Short Desc', 'Years', 'Values', 'LA Number'] as const;

export interface BdsColumns {
  rowCount: number;
  shortDesc: (string | null)[];
  years: (string | null)[];
  values: (string | null)[];
  /** As the file holds it (a number, or text when the column is text): validateBds reads it. */
  laNumber: (number | bigint | string | null)[];
}

export type BdsReadResult =
  { ok: true; columns: BdsColumns } | { ok: false; missingColumns: string[] };

/**
 * Reads the four needed columns of bds_long_0.parquet column by column (fast: no row objects).
 * Throws when the bytes are not a complete parquet file.
 */
export async function readBdsParquet(buffer: Buffer): Promise<BdsReadResult> {
  const file = buffer.buffer.slice(
    buffer.byteOffset,
    buffer.byteOffset + buffer.byteLength,
  ) as ArrayBuffer;
  const metadata = parquetMetadata(file);
  const present = new Set(metadata.schema.slice(1).map((s) => s.name));
  const missingColumns = requiredBdsColumns.filter((c) => !present.has(c));
  if (missingColumns.length > 0) return { ok: false, missingColumns };
  const scan = await parquetScan({ file, metadata, compressors });
  const read = async (column: string): Promise<unknown[]> => {
    const parts: unknown[][] = [];
    for (const r of scan.ranges)
      parts.push(
        Array.from(
          (await scan.readColumn({
            column,
            rowStart: r.rowStart,
            rowEnd: r.rowEnd,
          })) as ArrayLike<unknown>,
        ),
      );
    return parts.flat();
  };
  const asText = (v: unknown[]) => v.map((x) => (x === null || x === undefined ? null : String(x)));
  const asCode = (v: unknown[]) =>
    v.map((x) =>
      x === null || x === undefined
        ? null
        : typeof x === 'number' || typeof x === 'bigint'
          ? x
          : String(x),
    );
  return {
    ok: true,
    columns: {
      rowCount: Number(metadata.num_rows),
      shortDesc: asText(await read('Short Desc')),
      years: asText(await read('Years')),
      values: asText(await read('Values')),
      laNumber: asCode(await read('LA Number')),
    },
  };
}
