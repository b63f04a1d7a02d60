import type { InspectionRecord } from '../../schools/inspections.repository.js';
import type { CheckedOfstedFile } from './ofsted.read.js';
import type { RowInspection } from './rows.js';

/** What an inspection's account is compared by: every field, judgements in one order. */
function fields(r: InspectionRecord): Record<string, string> {
  const judgements = Object.fromEntries(
    Object.entries(r.judgements).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  return Object.fromEntries(
    Object.entries({ ...r, judgements }).map(([k, v]) => [k, JSON.stringify(v ?? null)]),
  );
}

const words: Record<string, string> = {
  framework: 'framework',
  inspectionType: 'inspection type',
  startDate: 'start date',
  endDate: 'end date',
  publicationDate: 'publication date',
  overallEffectiveness: 'overall effectiveness',
  categoryOfConcern: 'category of concern',
  safeguarding: 'safeguarding',
  judgements: 'judgements',
};

/**
 * Each inspection once per import. A second account of an inspection (the same URN and number,
 * in a later row or in another file of a folder: a latest-inspections file repeats the
 * all-inspections file's report cards) is dropped when it says the same, and is a problem when it
 * says something else, since one of the two would be lost without a word.
 */
export function keepOneAccount(
  files: CheckedOfstedFile[],
): Map<CheckedOfstedFile, RowInspection[]> {
  const seen = new Map<
    string,
    { file: CheckedOfstedFile; at: RowInspection; fields: Record<string, string> }
  >();
  const kept = new Map<CheckedOfstedFile, RowInspection[]>();
  for (const file of files) {
    const list: RowInspection[] = [];
    for (const at of file.inspections) {
      const key = `${at.record.urn}/${at.record.inspectionNumber}`;
      const these = fields(at.record);
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { file, at, fields: these });
        list.push(at);
        continue;
      }
      const differ = Object.keys(these).filter((k) => these[k] !== first.fields[k]);
      if (differ.length === 0) continue;
      const where =
        first.file === file ? `row ${first.at.row}` : `row ${first.at.row} of ${first.file.file}`;
      file.problems.add({
        row: at.row,
        column: at.numberColumn,
        value: at.record.inspectionNumber,
        expected: `one account of each inspection: ${where} gives inspection ${at.record.inspectionNumber} of URN ${at.record.urn} with another ${differ.map((k) => words[k] ?? k).join(', ')}`,
      });
    }
    kept.set(file, list);
  }
  return kept;
}
