/**
 * A distance that rounds to nothing at the measure's decimal places: one more place, then "less
 * than", in the reason, the summary's "Still to go", the overview's table and "what it takes".
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { distanceFigure, gapText, judgedFigures } from '../../src/strategy/series.js';
import { evaluateTarget } from '../../src/strategy/status.js';
import { percentMeasure, series, target } from './series-fixture.js';

const pointsMeasure = { ...percentMeasure, unitLabel: 'Average points', decimalPlaces: 0 };

describe('a distance in words', () => {
  const cases: [number, number, string][] = [
    [2, 1, '2.0'],
    [0.05, 1, '0.1'],
    [0.04, 1, '0.04'],
    [-0.04, 1, '0.04'],
    [0.004, 1, 'less than 0.01'],
    [0.3, 0, '0.3'],
    [0.03, 0, 'less than 0.1'],
    [0, 1, '0.0'],
  ];
  for (const [distance, dp, text] of cases) {
    it(`writes ${distance} at ${dp} decimal places as "${text}"`, () => {
      assert.equal(distanceFigure(distance, dp), text);
    });
  }

  it('keeps a small gap’s sign at one more place and drops it for "less than"', () => {
    assert.equal(gapText(percentMeasure, -0.04), '-0.04 percentage points');
    assert.equal(gapText(percentMeasure, -0.001), 'less than 0.01 percentage points');
  });
});

describe('a target a hair short of its line', () => {
  const judged = evaluateTarget({
    target: target({ kind: 'value', value: 57, by: 2027 }),
    series: series({ 2022: 55, 2023: 56, 2024: 56.5, 2025: 56.96 }),
    strategyStart: 2022,
    today: '2026-06-01',
  });

  it('gives the reason with one more decimal place, never "0.0"', () => {
    assert.match(
      judged.reason,
      /57\.0% in 2025, 0\.04 percentage points below the target of 57\.0%/,
    );
    assert.doesNotMatch(judged.reason, /0\.0 percentage points/);
  });

  it('gives the same distance in the summary and the overview’s table', () => {
    const f = judgedFigures({ ...judged, kind: 'value', figures: percentMeasure });
    assert.equal(f.distance, '0.04 percentage points');
  });

  it('says what it would take at one more decimal place', () => {
    assert.match(judged.whatItTakes ?? '', /^It would take 0\.04 percentage points more/);
  });

  it('says "less than" in the measure’s unit when one more place is nothing too', () => {
    const f = judgedFigures({
      kind: 'value',
      latestValue: 49.97,
      distance: 0.03,
      figures: pointsMeasure,
    });
    assert.equal(f.distance, 'less than 0.1 points');
  });
});

describe('still to go once met', () => {
  it('says none, met, not "0.0 percentage points"; a target on its line but not met keeps 0.0', () => {
    const figures = { ...percentMeasure, decimalPlaces: 1 };
    const met = judgedFigures({
      kind: 'value',
      latestValue: 62,
      distance: 0,
      figures,
      status: 'met',
    });
    assert.equal(met.distance, 'None: met');
    // A band target exactly on its cut point has not passed it: distance 0, not met.
    const onTheLine = judgedFigures({
      kind: 'band',
      latestValue: 66,
      distance: 0,
      figures,
      status: 'off_track',
    });
    assert.notEqual(onTheLine.distance, 'None: met');
    const reached = judgedFigures({
      kind: 'relative',
      latestValue: 0.11,
      distance: 0,
      figures,
      status: 'on_track',
      whatItTakes: null,
    });
    assert.equal(reached.distance, 'None: reached already');
    const onCut = judgedFigures({
      kind: 'band',
      latestValue: 66,
      distance: 0,
      figures,
      status: 'on_track',
      whatItTakes: 'It would take any rise above 66.0%',
    });
    assert.doesNotMatch(onCut.distance, /None/);
  });
});
