/**
 * The longest measure code and year label an import accepts, in bytes of UTF-8. The DfE's are
 * under 40 characters; PostgreSQL cannot index a key over ~2,700 bytes, so a longer one would fail
 * the import with a database error instead of a problem naming the row.
 */
export const maxCodeBytes = 1000;
export const maxYearLabelBytes = 1000;

/** Whether `text` is over `max` bytes of UTF-8. */
export const overBytes = (text: string, max: number): boolean => Buffer.byteLength(text) > max;
