import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  goodOrOutstanding,
  gradedName,
  gradedScale,
  inadequate,
  inspectionRules,
  isUngraded,
  noAreaBelowExpected,
  publishedWord,
  reportCardAreas,
  reportCardRank,
  reportCardScale,
  ruleById,
  strongAchievement,
  urgentImprovementOrUnsafe,
  wordsExpected,
  type InspectionGrades,
} from '../../../src/schools/ofsted-grades.js';

const graded = (overall: string | null, judgements: Record<string, string> = {}) =>
  ({
    framework: 'graded',
    overallEffectiveness: overall,
    safeguarding: null,
    judgements,
  }) satisfies InspectionGrades;

/** A report card with every area `word` unless `areas` says otherwise. */
const card = (
  word: string,
  areas: Record<string, string> = {},
  safeguarding: string | null = 'Met',
): InspectionGrades => ({
  framework: 'report-card',
  overallEffectiveness: null,
  safeguarding,
  judgements: { ...Object.fromEntries(reportCardAreas.map((a) => [a, word])), ...areas },
});

describe('Ofsted grade words', () => {
  it('keeps the report-card scale best first and the graded scale 1-4 with its names', () => {
    assert.deepEqual(reportCardScale, [
      'Exceptional',
      'Strong standard',
      'Expected standard',
      'Needs attention',
      'Urgent improvement',
    ]);
    assert.deepEqual(
      gradedScale.map((g) => `${g.grade} ${g.name}`),
      ['1 Outstanding', '2 Good', '3 Requires improvement', '4 Inadequate'],
    );
    assert.equal(reportCardRank('Exceptional'), 0);
    assert.equal(reportCardRank('Urgent improvement'), 4);
    assert.equal(reportCardRank('Not applicable'), null);
    assert.equal(reportCardRank('9'), null);
  });

  it('names graded words for display, leaving other words as they are', () => {
    assert.equal(gradedName('2'), 'Good');
    assert.equal(gradedName('4'), 'Inadequate');
    assert.equal(gradedName('9'), 'Not applicable');
    assert.equal(gradedName('Not judged'), 'Not judged');
  });

  it("stores a known word in the list's spelling, ignoring case and spaces around it", () => {
    assert.equal(publishedWord('report-card', ' strong STANDARD '), 'Strong standard');
    assert.equal(publishedWord('report-card', '9'), '9');
    assert.equal(publishedWord('category-of-concern', 'SM '), 'SM');
    assert.equal(publishedWord('category-of-concern', 'swk'), 'SWK');
    assert.equal(publishedWord('graded-overall', 'not judged'), 'Not judged');
    assert.equal(publishedWord('safeguarding', 'Not met'), 'Not met');
  });

  it('knows no other word', () => {
    assert.equal(publishedWord('report-card', 'Strong standad'), null);
    assert.equal(publishedWord('report-card', '2'), null);
    assert.equal(publishedWord('graded-overall', '9'), null);
    assert.equal(publishedWord('graded', '5'), null);
    assert.equal(publishedWord('safeguarding', 'Yes'), null);
  });

  it('says the words a list has, for a problem', () => {
    assert.equal(wordsExpected('safeguarding'), 'one of "Met" or "Not met"');
    assert.match(wordsExpected('report-card'), /^one of "Exceptional", .*"Not applicable" or "9"$/);
  });

  it('tells an inspection that graded nothing from one that did', () => {
    assert.equal(isUngraded(card('9')), true);
    assert.equal(isUngraded(card('Not applicable')), true);
    assert.equal(isUngraded(card('9', { Achievement: 'Needs attention' })), false);
    assert.equal(
      isUngraded(graded(null, { 'Ungraded inspection overall outcome': 'School remains Good' })),
      true,
    );
    assert.equal(isUngraded(graded('Not judged', { 'Quality of education': '2' })), false);
    assert.equal(isUngraded(graded('3')), false);
  });
});

describe('Ofsted inspection rules', () => {
  it('counts overall effectiveness 1 and 2 as good or outstanding, and 4 as inadequate', () => {
    assert.deepEqual(
      ['1', '2', '3', '4'].map((g) => goodOrOutstanding(graded(g))),
      [true, true, false, false],
    );
    assert.deepEqual(
      ['1', '2', '3', '4'].map((g) => inadequate(graded(g))),
      [false, false, false, true],
    );
  });

  it('gives no answer for Not judged, an ungraded inspection or a report card', () => {
    assert.equal(goodOrOutstanding(graded('Not judged', { 'Quality of education': '1' })), null);
    assert.equal(
      goodOrOutstanding(
        graded(null, { 'Ungraded inspection overall outcome': 'School remains Good' }),
      ),
      null,
    );
    assert.equal(goodOrOutstanding(card('Exceptional')), null);
    assert.equal(inadequate(card('Urgent improvement')), null);
  });

  it('has no area below Expected standard when every graded area is Expected or better and safeguarding is Met', () => {
    assert.equal(noAreaBelowExpected(card('Expected standard')), true);
    assert.equal(
      noAreaBelowExpected(
        card('Strong standard', { 'Post-16 provision (where applicable)': 'Not applicable' }),
      ),
      true,
    );
    assert.equal(
      noAreaBelowExpected(card('Exceptional', { Achievement: 'Needs attention' })),
      false,
    );
    assert.equal(noAreaBelowExpected(card('Exceptional', {}, 'Not met')), false);
    // An area below decides it even when safeguarding is not given.
    assert.equal(noAreaBelowExpected(card('Urgent improvement', {}, null)), false);
    assert.equal(noAreaBelowExpected(card('Exceptional', {}, null)), null);
    assert.equal(noAreaBelowExpected(card('9')), null);
    assert.equal(noAreaBelowExpected(graded('1')), null);
  });

  it('reads Achievement at Strong standard or better', () => {
    assert.equal(
      strongAchievement(card('Expected standard', { Achievement: 'Strong standard' })),
      true,
    );
    assert.equal(
      strongAchievement(card('Expected standard', { Achievement: 'Exceptional' })),
      true,
    );
    assert.equal(
      strongAchievement(card('Exceptional', { Achievement: 'Expected standard' })),
      false,
    );
    assert.equal(strongAchievement(card('9')), null);
    assert.equal(strongAchievement(graded('1')), null);
  });

  it('finds an area at Urgent improvement or safeguarding Not met', () => {
    assert.equal(
      urgentImprovementOrUnsafe(card('Strong standard', { Inclusion: 'Urgent improvement' })),
      true,
    );
    assert.equal(urgentImprovementOrUnsafe(card('Strong standard', {}, 'Not met')), true);
    assert.equal(urgentImprovementOrUnsafe(card('Needs attention')), false);
    assert.equal(urgentImprovementOrUnsafe(card('9')), null);
  });

  it('gives every rule a stable id, a one-line definition and its framework', () => {
    assert.deepEqual(
      inspectionRules.map((r) => r.id),
      [
        'graded-good-or-outstanding',
        'graded-inadequate',
        'report-card-no-area-below-expected',
        'report-card-achievement-strong-or-better',
        'report-card-urgent-improvement-or-safeguarding-not-met',
      ],
    );
    for (const rule of inspectionRules) {
      assert.match(rule.definition, /^[A-Z][^\n]+\.$/);
      assert.equal(
        rule.test(rule.framework === 'graded' ? card('Exceptional') : graded('1')),
        null,
      );
    }
    assert.equal(ruleById('graded-good-or-outstanding')?.test(graded('2')), true);
    assert.equal(ruleById('no-such-rule'), undefined);
  });
});
