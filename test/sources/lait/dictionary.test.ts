import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { excelSerialToIsoDate, parseDictionary } from '../../../src/sources/lait/dictionary.js';
import { realData } from '../../support/real-data.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/lait');
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');

describe('LAIT data dictionary', () => {
  it('converts the Excel serial 45809 to 2025-06-01', () => {
    assert.equal(excelSerialToIsoDate('45809'), '2025-06-01');
  });

  it('converts a text date such as "TBC" to null', () => {
    assert.equal(excelSerialToIsoDate('TBC'), null);
  });

  it('maps polarity, decimal places and no-quartile flags to a measure', () => {
    const { measures, problems } = parseDictionary(fixture('dictionary.csv'));
    assert.deepEqual(problems, []);
    const gld = measures.find((m) => m.code === 'GLD');
    assert.equal(gld?.polarity, 'high');
    assert.equal(gld?.decimalPlaces, 1);
    assert.equal(gld?.decimalPlacesPublished, false);
    assert.equal(gld?.lastUpdate, '2025-06-01');
    const abs = measures.find((m) => m.code === 'PerAbs');
    assert.equal(abs?.polarity, 'low');
    assert.equal(abs?.decimalPlaces, 2);
    assert.equal(abs?.decimalPlacesPublished, true);
  });

  it('merges two rows of one measure joining topics and keeping the first name', () => {
    const { measures, mergedCodes } = parseDictionary(fixture('dictionary.csv'));
    const cin = measures.find((m) => m.code === 'CINPermAbsent');
    assert.deepEqual(mergedCodes, ['CINPermAbsent']);
    assert.equal(cin?.topic, 'Children in Need / All Pupil Absence & Exclusions');
    assert.equal(cin?.name, 'CIN persistent absentees');
  });

  it('merges two rows of one measure with no quartile bands when any row says N', () => {
    const cin = parseDictionary(fixture('dictionary.csv')).measures.find(
      (m) => m.code === 'CINPermAbsent',
    );
    assert.equal(cin?.noQuartile, true);
  });

  it('merges two rows of one measure taking the published dps over a missing one', () => {
    const cin = parseDictionary(fixture('dictionary.csv')).measures.find(
      (m) => m.code === 'CINPermAbsent',
    );
    assert.equal(cin?.decimalPlaces, 2);
    assert.equal(cin?.decimalPlacesPublished, true);
  });

  it('reports two rows of one measure that disagree on polarity', () => {
    const { problems } = parseDictionary(fixture('conflicting-polarity.csv'));
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.column, 'Polarity');
    assert.equal(problems[0]?.row, 3);
  });

  it('reports the missing Polarity column', () => {
    assert.deepEqual(parseDictionary(fixture('missing-polarity-column.csv')).missingColumns, [
      'Polarity',
    ]);
  });

  it('drops rows whose Table_status says DISCONTINUE', () => {
    const parsed = parseDictionary(fixture('discontinued-row.csv'));
    assert.equal(parsed.droppedDiscontinued, 1);
    assert.deepEqual(
      parsed.measures.map((m) => m.code),
      ['GLD'],
    );
  });

  const real = realData('lait/lait_data_dictionary.csv');
  it('reads the real dictionary into 434 measures with 14 merged', { skip: real.skip }, () => {
    const parsed = parseDictionary(fs.readFileSync(real.path, 'utf8'));
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.measures.length, 434);
    assert.equal(parsed.mergedCodes.length, 14);
    assert.equal(parsed.measures.filter((m) => m.noQuartile).length, 21);
  });

  for (const [dps, why] of [
    ['two', 'a word'],
    ['2.5', 'a fraction'],
    ['10', 'more than 6'],
    ['1e400', 'too large'],
  ]) {
    it(`reports dps "${dps}" (${why}) as a problem naming its row and column`, () => {
      const text = fixture('dictionary.csv').replace(
        '"https://example.org","2","Academic Year"',
        `"https://example.org","${dps}","Academic Year"`,
      );
      const { problems } = parseDictionary(text);
      assert.deepEqual(problems, [
        {
          row: 3,
          column: 'dps',
          value: dps,
          expected: 'a whole number from 0 to 6 (decimal places) or NA',
        },
      ]);
    });
  }

  it('reports a Last Update day number that is no date instead of failing', () => {
    const text = fixture('dictionary.csv').replace(
      '"absence","Persistent absentees","45809"',
      '"absence","Persistent absentees","99999999999"',
    );
    const { problems } = parseDictionary(text);
    assert.deepEqual(
      problems.map((p) => [p.row, p.column, p.value]),
      [[3, 'Last Update', '99999999999']],
    );
  });
});
