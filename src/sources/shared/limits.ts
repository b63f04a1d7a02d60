/**
 * The longest measure code and year label an import accepts. The DfE's are under 40 characters;
 * PostgreSQL cannot index a key over ~2,700 bytes, so a longer one would fail the import with a
 * database error instead of a problem naming the row.
 */
export const maxCodeLength = 100;
export const maxYearLabelLength = 50;
