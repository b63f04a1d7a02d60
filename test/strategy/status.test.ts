import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recentTrend, yearReached } from '../../src/strategy/forecast.js';
import { ragOf } from '../../src/strategy/rag.js';
import { evaluateTarget, type TargetInput } from '../../src/strategy/status.js';
import { targetSentence } from '../../src/strategy/target-terms.js';
import { series, target } from './series-fixture.js';

const today = '2026-06-01';
const judge = (input: Partial<TargetInput> & Pick<TargetInput, 'target' | 'series'>) =>
  evaluateTarget({ strategyStart: 2020, today, ...input });

describe('the recent trend', () => {
  it('refuses fewer than three years with figures', () => {
    const r = recentTrend([
      { year: 2024, value: 50 },
      { year: 2025, value: 52 },
    ]);
    assert.ok('refused' in r);
    assert.match(r.refused, /at least 3 years, and there are 2/);
  });

  it('skips missing years and keeps the gap in them (x is the year)', () => {
    // 2020 and 2021 have no figures: the slope is over the real distance in years.
    const r = recentTrend([
      { year: 2018, value: 50 },
      { year: 2019, value: 51 },
      { year: 2020, value: Number.NaN },
      { year: 2022, value: 54 },
      { year: 2023, value: 55 },
    ]);
    assert.ok('trend' in r);
    assert.deepEqual(
      r.trend.points.map((p) => p.year),
      [2018, 2019, 2022, 2023],
    );
    assert.equal(r.trend.slope, 1);
    assert.equal(r.trend.at(2025), 57);
  });

  it('uses only the last five years with figures', () => {
    const points = [2015, 2016, 2017, 2018, 2019, 2020, 2021].map((year) => ({
      year,
      value: year >= 2017 ? 10 : 100,
    }));
    const r = recentTrend(points);
    assert.ok('trend' in r);
    assert.equal(r.trend.points.length, 5);
    assert.equal(r.trend.slope, 0);
  });

  it('never reaches a target on a flat trend', () => {
    const r = recentTrend([2021, 2022, 2023].map((year) => ({ year, value: 40 })));
    assert.ok('trend' in r);
    assert.equal(
      yearReached(r.trend, (_y, v) => v >= 50),
      null,
    );
  });
});

describe('value targets', () => {
  const s = series({ 2021: 50, 2022: 52, 2023: 54, 2024: 56, 2025: 58 });

  it('is met when the target year figure reaches the value', () => {
    const r = judge({ target: target({ kind: 'value', value: 56, by: 2024 }), series: s });
    assert.equal(r.status, 'met');
    assert.equal(r.rag, 'green');
    assert.equal(r.distance, 0);
    assert.match(r.reason, /^Met: 56\.0% in 2024, at the target of 56\.0%\.$/);
  });

  it('is off track (missed) when the target year figure falls short', () => {
    const r = judge({ target: target({ kind: 'value', value: 60, by: 2025 }), series: s });
    assert.equal(r.status, 'off_track');
    assert.equal(r.distance, 2);
    assert.match(
      r.reason,
      /Not met in 2025, the target year: 58\.0% in 2025, 2\.0 percentage points below/,
    );
  });

  it('is on track when the trend reaches it by the target year', () => {
    const r = judge({ target: target({ kind: 'value', value: 62, by: 2027 }), series: s });
    assert.equal(r.status, 'on_track');
    assert.ok(r.forecast && !('refused' in r.forecast));
    assert.equal(r.forecast.reachesIn, 2027);
    assert.equal(r.forecast.valueInTargetYear, 62);
    assert.equal(r.rag, 'amber');
  });

  it('is off track when the trend arrives too late, and says when it would', () => {
    const r = judge({ target: target({ kind: 'value', value: 70, by: 2027 }), series: s });
    assert.equal(r.status, 'off_track');
    assert.ok(r.forecast && !('refused' in r.forecast));
    assert.equal(r.forecast.reachesIn, 2031);
    assert.match(r.reason, /reached in 2031, after 2027/);
  });

  it('is off track, not on track, with too few years for a trend', () => {
    const r = judge({
      target: target({ kind: 'value', value: 70, by: 2027 }),
      series: series({ 2024: 56, 2025: 58 }),
    });
    assert.equal(r.status, 'off_track');
    assert.match(r.reason, /No trend can be drawn: a trend needs figures for at least 3 years/);
  });

  it('is on track when already past the value before the target year', () => {
    const r = judge({ target: target({ kind: 'value', value: 55, by: 2027 }), series: s });
    assert.equal(r.status, 'on_track');
    assert.match(r.reason, /already 58\.0% in 2025/);
  });

  it('reads "at most" for a measure where lower is better', () => {
    const low = series({ 2023: 20, 2024: 19, 2025: 18 }, { polarity: 'low' });
    const r = judge({ target: target({ kind: 'value', value: 18.5, by: 2025 }), series: low });
    assert.equal(r.status, 'met');
    assert.match(
      targetSentence(target({ kind: 'value', value: 18.5, by: 2025 }), low.measure),
      /at most 18\.5%/,
    );
  });

  it('says where red begins in the board’s words, not "floor"', () => {
    const s = series({ 2023: 60 });
    const sentence = (t: Parameters<typeof target>[0]) => targetSentence(target(t), s.measure);
    assert.match(
      sentence({ kind: 'value', value: 65, by: 2027, floor: 56 }),
      /; red if below 56\.0%\.$/,
    );
    assert.match(
      sentence({ kind: 'band', band: 'top-half', by: 2027, floor: 'C' }),
      /; red if below band C\.$/,
    );
    assert.match(
      sentence({ kind: 'rank', rank: 100, by: 2027, floor: 140 }),
      /; red if ranked below 140th\.$/,
    );
    assert.doesNotMatch(sentence({ kind: 'value', value: 65, by: 2027 }), /floor|red if/);
    assert.doesNotMatch(sentence({ kind: 'band', band: 'top-half', by: 2027 }), /floor|red if/);
  });

  it('is no data, never met, when the target year has passed without a figure', () => {
    const gap = series({ 2021: 60, 2022: null, 2023: 62 });
    const r = judge({ target: target({ kind: 'value', value: 50, by: 2022 }), series: gap });
    assert.equal(r.status, 'no_data');
    assert.equal(r.rag, 'grey');
    assert.match(r.reason, /No figure for 2022/);
  });

  it('is no data when the strategy names no source', () => {
    const r = judge({
      target: target({ kind: 'value', value: 50, by: 2027 }),
      series: null,
      noDataSource: 'the LA would need to collect it',
    });
    assert.equal(r.status, 'no_data');
    assert.match(r.reason, /No data source yet: the LA would need to collect it/);
  });

  it('says new data is due once the next update date has passed, while the target is open', () => {
    const on = (t: TargetInput['target']) =>
      evaluateTarget({ target: t, series: s, strategyStart: 2020, today: '2026-12-02' });
    const open = on(target({ kind: 'value', value: 70, by: 2027 }));
    assert.equal(open.dataDue, '2026-12-01');
    assert.match(open.reason, /New data due since 1 December 2026/);
    assert.equal(
      judge({ target: target({ kind: 'value', value: 70, by: 2027 }), series: s }).dataDue,
      null,
    );
    // Judged on the target year's own figure: newer data cannot change a met or missed target.
    const closed = on(target({ kind: 'value', value: 56, by: 2024 }));
    assert.equal(closed.dataDue, null);
    assert.doesNotMatch(closed.reason, /New data due/);
  });

  it('gives the direction of travel by polarity', () => {
    assert.equal(
      judge({ target: target({ kind: 'value', value: 1, by: 2027 }), series: s }).direction,
      'improving',
    );
    const low = series({ 2024: 18, 2025: 19 }, { polarity: 'low' });
    assert.equal(
      judge({ target: target({ kind: 'value', value: 1, by: 2027 }), series: low }).direction,
      'declining',
    );
    const flat = series({ 2024: 18, 2025: 18 });
    assert.equal(
      judge({ target: target({ kind: 'value', value: 1, by: 2027 }), series: flat }).direction,
      'no_change',
    );
    const hole = series({ 2023: 18, 2024: null, 2025: 18 });
    assert.equal(
      judge({ target: target({ kind: 'value', value: 1, by: 2027 }), series: hole }).direction,
      null,
    );
  });

  it('says what it would take in pupils where the cohort is known', () => {
    const r = judge({
      target: target({ kind: 'value', value: 60, by: 2025 }),
      series: s,
      cohorts: [
        { yearNumber: 2024, yearLabel: '2024', pupils: 4900 },
        { yearNumber: 2025, yearLabel: '2025', pupils: 5100 },
        { yearNumber: 2026, yearLabel: '2026', pupils: 9999 },
      ],
    });
    // 2.0 percentage points of 5,100 pupils is 102 pupils.
    assert.equal(r.pupils, 102);
    assert.match(r.whatItTakes!, /about 102 more pupils, of a cohort of 5,100 in 2025/);
    // A target judged on 2024 counts 2024's cohort, not the latest.
    const earlier = judge({
      target: target({ kind: 'value', value: 60, by: 2024 }),
      series: s,
      cohorts: [
        { yearNumber: 2024, yearLabel: '2024', pupils: 4900 },
        { yearNumber: 2025, yearLabel: '2025', pupils: 5100 },
      ],
    });
    assert.match(earlier.whatItTakes!, /of a cohort of 4,900 in 2024/);
    const none = judge({ target: target({ kind: 'value', value: 60, by: 2025 }), series: s });
    assert.equal(none.pupils, null);
    assert.match(none.whatItTakes!, /No cohort size is known/);
  });
});

describe('trajectory, band, rank, relative and gap targets', () => {
  it('judges a trajectory against the line from the baseline figure', () => {
    const s = series({ 2022: 50, 2023: 52, 2024: 53 });
    // The line runs 50 (2022) → 60 (2027): 54 in 2024, so 53 is 1.0 below it.
    const r = judge({
      target: target({ kind: 'trajectory', from: 2022, value: 60, by: 2027 }),
      series: s,
    });
    assert.equal(r.status, 'off_track');
    assert.equal(r.targetValue, 54);
    assert.match(r.reason, /1\.0 percentage point below the trajectory’s 54\.0% for 2024/);
    const none = judge({
      target: target({ kind: 'trajectory', from: 2019, value: 60, by: 2027 }),
      series: s,
    });
    assert.equal(none.status, 'no_data');
  });

  it('needs a figure above the upper-quartile cut point for the top quartile (higher is better)', () => {
    const on = series({ 2025: { value: 66, cut: [50, 60, 63, 66, 78] } });
    assert.equal(
      judge({ target: target({ kind: 'band', band: 'top-quartile', by: 2025 }), series: on })
        .status,
      'off_track',
    );
    const above = series({ 2025: { value: 66.1, cut: [50, 60, 63, 66, 78] } });
    assert.equal(
      judge({ target: target({ kind: 'band', band: 'top-quartile', by: 2025 }), series: above })
        .status,
      'met',
    );
    const low = series({ 2025: { value: 60, cut: [50, 60, 63, 66, 78] } }, { polarity: 'low' });
    assert.equal(
      judge({ target: target({ kind: 'band', band: 'top-quartile', by: 2025 }), series: low })
        .status,
      'met',
    );
  });

  it('reads amber or red by the floor', () => {
    const s = series({ 2025: { value: 61, cut: [50, 60, 63, 66, 78] } });
    const c = judge({
      target: target({ kind: 'band', band: 'top-quartile', by: 2025, floor: 'C' }),
      series: s,
    });
    assert.equal(c.rag, 'amber');
    const b = judge({
      target: target({ kind: 'band', band: 'top-quartile', by: 2025, floor: 'B' }),
      series: s,
    });
    assert.equal(b.rag, 'red');
    const v = judge({
      target: target({ kind: 'value', value: 65, by: 2025, floor: 60 }),
      series: s,
    });
    assert.equal(v.rag, 'amber');
    assert.equal(ragOf('on_track', null), 'amber');
    assert.equal(ragOf('off_track', null), 'red');
  });

  it('judges a rank in places', () => {
    const s = series({ 2025: { value: 57, rank: 136 } });
    const r = judge({ target: target({ kind: 'rank', rank: 38, by: 2025 }), series: s });
    assert.equal(r.status, 'off_track');
    assert.equal(r.distance, 98);
    assert.match(r.reason, /ranked 136th of 150 in 2025, 98 places short of rank 38/);
  });

  it('judges against a comparator, with an allowance', () => {
    const s = series({ 2025: { value: 62.5, england: 63, region: 60, neighbours: 61 } });
    assert.equal(
      judge({ target: target({ kind: 'relative', comparator: 'england', by: 2025 }), series: s })
        .status,
      'off_track',
    );
    assert.equal(
      judge({
        target: target({ kind: 'relative', comparator: 'england', within: 1, by: 2025 }),
        series: s,
      }).status,
      'met',
    );
    assert.equal(
      judge({ target: target({ kind: 'relative', comparator: 'region', by: 2025 }), series: s })
        .status,
      'met',
    );
    const r = judge({
      target: target({ kind: 'relative', comparator: 'neighbours', by: 2025 }),
      series: series({ 2025: { value: 60, neighbours: 61 } }),
    });
    assert.equal(r.distance, 1);
  });

  it('judges a gap size between two groups', () => {
    const group = series({ 2023: 40, 2024: 42, 2025: 45 });
    const other = series({ 2023: 64, 2024: 65, 2025: 66 });
    const r = judge({
      target: target({ kind: 'gap', compareWith: 'OTHER', atMost: 20, by: 2025 }),
      series: group,
      other,
    });
    assert.equal(r.status, 'off_track');
    assert.equal(r.latestValue, 21);
    assert.equal(r.distance, 1);
    assert.equal(r.direction, 'improving');
    assert.match(
      r.reason,
      /a gap of 21\.0 percentage points in 2025, 1\.0 percentage point wider than the 20\.0 percentage points allowed/,
    );
  });

  it('judges a gap narrowing every year, and names the year it widened', () => {
    const group = series({ 2022: 40, 2023: 42, 2024: 41, 2025: 45 });
    const other = series({ 2022: 64, 2023: 64, 2024: 65, 2025: 66 });
    const narrows = target({ kind: 'gap', compareWith: 'OTHER', narrows: 'each-year', by: 2025 });
    const r = judge({ target: narrows, series: group, other });
    assert.equal(r.status, 'off_track');
    assert.match(r.reason, /the gap widened in 2024/);
    // 2025's gap (21) narrowed from 2024's (24): missed already, with no distance left to show.
    assert.equal(r.distance, null);
    const better = judge({
      target: target({
        kind: 'gap',
        compareWith: 'OTHER',
        narrows: 'each-year',
        from: 2024,
        by: 2025,
      }),
      series: group,
      other,
    });
    assert.equal(better.status, 'met');
  });

  it('gives a narrowing gap the direction of the year it shows, not of the latest figures', () => {
    // Judged on 2023 (the target year): the gap widened 2022→2023 (22 → 24), though it
    // narrowed again by 2025. Somerset's EYFS FSM gap read "improving" for the same reason.
    const group = series({ 2022: 42, 2023: 40, 2024: 44, 2025: 46 });
    const other = series({ 2022: 64, 2023: 64, 2024: 64, 2025: 64 });
    const r = judge({
      target: target({ kind: 'gap', compareWith: 'OTHER', narrows: 'each-year', by: 2023 }),
      series: group,
      other,
    });
    assert.equal(r.latestYear, '2023');
    assert.equal(r.direction, 'declining');
  });

  it('is no data, not on track, when a narrowing target’s year has gone by without a figure', () => {
    const group = series({ 2017: 40, 2018: 42, 2019: 44, 2022: 46 });
    const other = series({ 2017: 64, 2018: 64, 2019: 64, 2022: 64 });
    const narrows = target({ kind: 'gap', compareWith: 'OTHER', narrows: 'each-year', by: 2020 });
    const r = evaluateTarget({
      target: narrows,
      series: group,
      other,
      strategyStart: 2017,
      today: '2026-12-01',
    });
    assert.equal(r.status, 'no_data');
    assert.match(r.reason, /No gap for 2020/);
  });

  it('keeps a gap’s sign where the group is ahead', () => {
    const group = series({ 2024: 66, 2025: 68 });
    const other = series({ 2024: 64, 2025: 65 });
    const r = judge({
      target: target({ kind: 'gap', compareWith: 'OTHER', atMost: 2, by: 2025 }),
      series: group,
      other,
    });
    assert.equal(r.status, 'met');
    assert.equal(r.latestValue, -3);
    assert.match(r.reason, /-3\.0 percentage points/);
  });
});

describe('targets with no figures', () => {
  it('says a Lantern measure’s data is not imported, and words a stated reason after the colon', () => {
    const t = target({ kind: 'value', value: 60, by: 2026 });
    const missing = judge({ target: t, series: null, notImported: 'KS2RWM_Expected_STD' });
    assert.equal(
      missing.reason,
      'No figures for this measure in Lantern yet: an administrator imports them with `lantern import`.',
    );
    const none = judge({
      target: t,
      series: null,
      noDataSource: 'No published file holds KS3 results.',
    });
    assert.equal(none.reason, 'No data source yet: no published file holds KS3 results.');
    const acronym = judge({
      target: t,
      series: null,
      noDataSource: 'KS3 results are not published',
    });
    assert.equal(acronym.reason, 'No data source yet: KS3 results are not published.');
  });

  it('says what it takes for a figure exactly on a cut point it must pass', () => {
    const s2 = series({ 2025: { value: 66, cut: [50, 60, 63, 66, 78] } });
    const r = judge({
      target: target({ kind: 'band', band: 'top-quartile', by: 2025 }),
      series: s2,
    });
    assert.equal(r.status, 'off_track');
    assert.ok(Object.is(r.distance, 0), String(r.distance));
    assert.match(
      r.whatItTakes ?? '',
      /any rise above 66\.0%: the cut point itself is in the band below/,
    );
  });
});
