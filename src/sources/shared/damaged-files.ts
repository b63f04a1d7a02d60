/**
 * What a parquet or Excel reader's error means, in words a person can act on. The readers' own
 * messages ("thrift unhandled type: 14", "Bug : uncompressed data size mismatch", a jszip
 * documentation link) mean nothing to the person importing, so they are kept only as the error's
 * cause (shown with LANTERN_DEBUG=1).
 */
export type BinaryKind = 'parquet' | 'xlsx';

export const binaryKindNames: Record<BinaryKind, string> = {
  parquet: 'a parquet file',
  xlsx: 'an Excel workbook (.xlsx)',
};

export function damageDescription(kind: BinaryKind, cause: unknown): string {
  const said = cause instanceof Error ? cause.message : String(cause);
  if (kind === 'parquet') {
    if (/footer != PAR1/.test(said))
      return 'it does not end with the parquet end marker ("PAR1"), so its end is missing or it is not a parquet file';
    if (
      /exceeds available buffer|missing eof marker|typed array length|out of (range|bounds)/i.test(
        said,
      )
    )
      return 'its index points past the bytes the file has, so part of it is missing';
    return 'its contents are damaged (they could not be decoded as parquet)';
  }
  if (/end of central directory/i.test(said))
    return 'it does not end with a zip index, so its end is missing or it is not an .xlsx workbook (an .xls or .csv given the .xlsx name?)';
  if (/encrypt/i.test(said)) return 'it is protected with a password: save a copy without one';
  return 'parts of it are damaged (the workbook could not be unzipped and read)';
}
