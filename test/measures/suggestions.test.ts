import assert from 'node:assert/strict';
import { it } from 'node:test';
import { readReferenceAreas } from '../../src/measures/areas.js';
import {
  didYouMean,
  editDistance,
  suggestLas,
  suggestMeasures,
} from '../../src/measures/suggestions.js';
import { createSearchIndex } from '../../src/measures/search.js';
import { measure } from '../benchmarks/fixtures.js';

const areas = readReferenceAreas();
const measures = [
  measure('KS2RWM_Expected_STD', {
    name: 'KS2 % reading, writing and mathematics - Expected standard - All Pupils',
  }),
  measure('KS2RWM_Higher_STD', {
    name: 'KS2 % reading, writing and mathematics - Higher standard - All Pupils',
  }),
  measure('KS2R_Expected_STD', { name: 'KS2 - Expected standard Reading - All Pupils' }),
  measure('L3_19_FSM_GAP', { name: 'Level 3 by 19 gap: FSM v non-FSM' }),
];
const index = createSearchIndex(areas, measures, { la: String, measure: String });
const codes = (list: { code: string }[]) => list.map((s) => s.code);

it('counts single-character edits between two codes', () => {
  assert.equal(editDistance('KS2RWM_Expected_ST', 'KS2RWM_Expected_STD'), 1);
  assert.equal(editDistance('933', '935'), 1);
  assert.equal(editDistance('', 'abc'), 3);
});

it('suggests the measure whose code is one letter longer first', () => {
  assert.equal(codes(suggestMeasures(index, 'KS2RWM_Expected_ST'))[0], 'KS2RWM_Expected_STD');
});

it('suggests a measure whose code differs only in case', () => {
  assert.equal(codes(suggestMeasures(index, 'ks2rwm_expected_std'))[0], 'KS2RWM_Expected_STD');
});

it('suggests no measure for a code nothing is near', () => {
  assert.deepEqual(suggestMeasures(index, 'NOPE'), []);
});

it('suggests measures from misspelt words', () => {
  assert.ok(codes(suggestMeasures(index, 'reading expectd')).includes('KS2RWM_Expected_STD'));
});

it('suggests LAs from a misspelt name', () => {
  assert.deepEqual(codes(suggestLas(index, areas, 'Somerst')).slice(0, 1), ['933']);
});

it('suggests the LAs whose codes begin with a short code, at most five', () => {
  assert.deepEqual(codes(suggestLas(index, areas, '93')), ['931', '933', '935', '936', '937']);
});

it('suggests the LA a 9-character code is one digit away from first', () => {
  assert.equal(codes(suggestLas(index, areas, 'E06000067'))[0], '933');
});

it('writes one line per suggestion, codes aligned', () => {
  assert.equal(
    didYouMean([
      { code: '933', name: 'Somerset' },
      { code: 'KS2', name: 'Key stage 2' },
    ]),
    'Did you mean:\n  933  Somerset\n  KS2  Key stage 2',
  );
  assert.equal(didYouMean([]), '');
});

it('suggests a measure whose code is a keystroke or two away, though no search word matches', () => {
  const typo = 'KS2RWM_Expected_SXD';
  assert.equal(codes(suggestMeasures(index, typo, measures))[0], 'KS2RWM_Expected_STD');
});
