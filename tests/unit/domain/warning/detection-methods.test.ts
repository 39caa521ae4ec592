import { describe, expect, it } from 'vitest';
import { dailySeries, dayFromNumber, dayNumber, type DailySeries } from '../../../../src/domain/warning/daily-series';
import { evaluateC1, evaluateC2, evaluateC3, EarsC1ParamsSchema, EarsC3ParamsSchema } from '../../../../src/domain/warning/ears';
import { CusumParamsSchema, evaluateCusum } from '../../../../src/domain/warning/cusum';
import { evaluateEwma, EwmaParamsSchema } from '../../../../src/domain/warning/ewma';
import { evaluateMovingPercentile, MovingPercentileParamsSchema } from '../../../../src/domain/warning/moving-percentile';
import { evaluateFixedThreshold, FixedThresholdParamsSchema } from '../../../../src/domain/warning/fixed-threshold';
import { DetectionMethodSchema, evaluateSeries, methodParams } from '../../../../src/domain/warning/detection-methods';

// Expected figures were worked out by hand from the published formulas (EARS: Hutwagner 2003; ESSENCE EWMA: Burkom; CUSUM: Page) (checked with Python's statistics).
const series = (values: (number | null)[], first = dayNumber('2026-01-01') ?? 0): DailySeries => ({ first, values });
const last = <T>(items: T[]): T => {
  const item = items[items.length - 1];
  if (item === undefined) throw new Error('no evaluation');
  return item;
};

describe('EARS C1', () => {
  const params = EarsC1ParamsSchema.parse({});

  it('alarms above the mean plus 3.09 deviations of the seven days before', () => {
    const quiet = last(evaluateC1(series([1, 2, 3, 4, 5, 6, 7, 10]), params));
    expect(quiet.expected).toBeCloseTo(4, 9);
    expect(quiet.threshold).toBeCloseTo(10.675664758, 6);
    expect(quiet).toMatchObject({ alarm: false, level: 'green' });
    expect(last(evaluateC1(series([1, 2, 3, 4, 5, 6, 7, 11]), params))).toMatchObject({ alarm: true, level: 'red' });
  });

  it('says "insufficient data" (grey, no alarm) for the first seven days, whatever they hold', () => {
    const days = evaluateC1(series([0, 0, 0, 0, 0, 0, 90, 0]), params);
    expect(days.slice(0, 7).every((d) => d.level === 'grey' && !d.alarm && d.expected === null && d.threshold === null)).toBe(true);
  });

  it('evaluates a missing day grey, and a baseline with a missing day grey too, never as zero', () => {
    const days = evaluateC1(series([3, 3, 3, null, 3, 3, 3, 50, null]), params);
    expect(days[7]).toMatchObject({ level: 'grey', alarm: false });
    expect(days[8]).toMatchObject({ level: 'grey', alarm: false, value: null });
  });

  it('on a flat zero baseline stays quiet at zero; one case alarms unless minSigma floors the deviation', () => {
    expect(last(evaluateC1(series([0, 0, 0, 0, 0, 0, 0, 0]), params))).toMatchObject({ alarm: false, level: 'green', stat: 0, threshold: 0 });
    expect(last(evaluateC1(series([0, 0, 0, 0, 0, 0, 0, 1]), params))).toMatchObject({ alarm: true, stat: null });
    const floored = last(evaluateC1(series([0, 0, 0, 0, 0, 0, 0, 1]), { ...params, minSigma: 1 }));
    expect(floored.alarm).toBe(false);
    expect(floored.threshold).toBeCloseTo(3.0902323, 6);
  });
});

describe('EARS C2', () => {
  it('leaves a two-day guard band between the baseline and the day', () => {
    const days = evaluateC2(series([1, 2, 3, 4, 5, 6, 7, 100, 100, 11]), EarsC1ParamsSchema.parse({}));
    expect(days.slice(0, 9).every((d) => d.level === 'grey')).toBe(true);
    expect(days[9]?.expected).toBeCloseTo(4, 9);
    expect(days[9]).toMatchObject({ alarm: true });
  });
});

describe('EARS C3', () => {
  const values = [2, 4, 2, 4, 2, 4, 2, 4, 2, 5, 3, 6];

  it('sums the excess over 1 of the last three days\' C2 and alarms above 1.96', () => {
    const days = evaluateC3(series(values), EarsC3ParamsSchema.parse({}));
    expect(days.slice(0, 11).every((d) => d.level === 'grey' && !d.alarm)).toBe(true);
    const today = last(days);
    expect(today.stat).toBeCloseTo(2.944332975, 6);
    expect(today.expected).toBeCloseTo(2.857142857, 6);
    // The count at which day t alone alarms, given the two days before: the formula, which surveillance's bound is not.
    expect(today.threshold).toBeCloseTo(4.947665284, 6);
    expect(today).toMatchObject({ alarm: true, level: 'red' });
  });

  it('does not alarm when the three days together stay under the bound', () => {
    expect(last(evaluateC3(series([...values.slice(0, 11), 4]), EarsC3ParamsSchema.parse({})))).toMatchObject({ alarm: false, level: 'green' });
  });
});

describe('CUSUM', () => {
  const params = CusumParamsSchema.parse({ baselineDays: 7, guardDays: 0 });

  it('accumulates standardised excesses over k, yellow past h/2 and red at h', () => {
    const days = evaluateCusum(series([4, 4, 4, 4, 4, 4, 4, 8, 8, 10]), params);
    expect(days.slice(0, 7).every((d) => d.level === 'grey')).toBe(true);
    expect(days[7]?.stat).toBeCloseTo(0.96, 9);
    expect(days[7]?.level).toBe('green');
    expect(days[8]?.stat).toBeCloseTo(1.523567451, 6);
    expect(days[8]?.level).toBe('yellow');
    expect(days[9]?.stat).toBeCloseTo(2.625366132, 6);
    expect(days[9]?.threshold).toBeCloseTo(9.171427495, 6);
    expect(days[9]).toMatchObject({ level: 'red', alarm: true });
  });

  it('stays at zero on a flat zero baseline, and a gap restarts the sum', () => {
    expect(last(evaluateCusum(series([0, 0, 0, 0, 0, 0, 0, 0]), params))).toMatchObject({ stat: 0, alarm: false, level: 'green' });
    const days = evaluateCusum(series([4, 4, 4, 4, 4, 4, 4, 8, null, 4, 4, 4, 4, 4, 4, 4, 4]), params);
    expect(days[8]?.level).toBe('grey');
    expect(last(days).stat).toBe(0);
  });
});

describe('ESSENCE EWMA', () => {
  const history = [3, 5, 4, 6, 5, 3, 4, 5, 6, 4, 5, 5, 6];
  const params = EwmaParamsSchema.parse({});

  it('tests nothing until 11 baseline days and the 2-day guard band have passed', () => {
    const days = evaluateEwma(series([...history, 5]), params);
    expect(days.slice(0, 13).every((d) => d.level === 'grey' && !d.alarm)).toBe(true);
    expect(days[13]?.level).toBe('green');
  });

  it('keeps the smaller p of the two smoothers: red below 0.01, with the corrected deviation and bound', () => {
    const today = last(evaluateEwma(series([...history, 12]), params));
    expect(today.expected).toBeCloseTo(4.545454545, 6);
    expect(today.stat).toBeCloseTo(6.032942487, 5);
    expect(today.threshold).toBeCloseTo(7.739120168, 4);
    expect(today).toMatchObject({ level: 'red', alarm: true });
    expect(today.pValue).toBeLessThan(0.01);
  });

  it('is yellow between p 0.05 and 0.01 and green above', () => {
    const yellow = last(evaluateEwma(series([...history, 7]), params));
    expect(yellow.stat).toBeCloseTo(2.295, 3);
    expect(yellow).toMatchObject({ level: 'yellow', alarm: false });
    expect(last(evaluateEwma(series([...history, 5]), params)).level).toBe('green');
  });

  it('gives a flat zero baseline a floor deviation instead of dividing by zero', () => {
    const today = last(evaluateEwma(series(new Array<number>(14).fill(0)), params));
    expect(today).toMatchObject({ level: 'green', alarm: false, stat: 0 });
  });
});

describe('moving percentile (CIDARS MPM)', () => {
  // Three years of history: 2023 at 3 a day, 2024 at 2, 2025 at 1; the week to 15 June 2026 at 3 a day.
  const from = dayNumber('2023-01-01') ?? 0;
  const to = dayNumber('2026-06-15') ?? 0;
  const make = (lastDay: number) =>
    series(
      Array.from({ length: to - from + 1 }, (_, i) => {
        const year = dayFromNumber(from + i).slice(0, 4);
        if (from + i === to) return lastDay;
        return { '2023': 3, '2024': 2, '2025': 1, '2026': 3 }[year] ?? 0;
      }),
      from,
    );

  it('compares the last 7 days with P80 of the same weeks ±2 in the three years before', () => {
    const params = MovingPercentileParamsSchema.parse({});
    const quiet = last(evaluateMovingPercentile(make(3), params));
    expect(quiet).toMatchObject({ stat: 21, expected: 14, threshold: 21, alarm: false });
    expect(last(evaluateMovingPercentile(make(4), params))).toMatchObject({ stat: 22, alarm: true, level: 'red' });
  });

  it('is grey with less than a year of history, and holds back a signal below the minimum count', () => {
    expect(evaluateMovingPercentile(series([1, 1, 1, 1, 1, 1, 1, 9]), MovingPercentileParamsSchema.parse({})).every((d) => d.level === 'grey')).toBe(true);
    expect(last(evaluateMovingPercentile(make(4), MovingPercentileParamsSchema.parse({ minCount: 30 }))).alarm).toBe(false);
  });
});

describe('fixed threshold', () => {
  it('signals one case at once, with no baseline', () => {
    const days = evaluateFixedThreshold(series([0, 1, null]), FixedThresholdParamsSchema.parse({}));
    expect(days.map((d) => d.level)).toEqual(['green', 'red', 'grey']);
  });
});

describe('every method', () => {
  // A reproducible noisy series with a spike and gaps: xorshift, so the test needs no seed library.
  let state = 7;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) % 1000) / 1000;
  };
  const noisy = series(
    Array.from({ length: 3 * 366 + 40 }, (_, i) => (i % 97 === 50 ? null : Math.round(5 + 4 * random() + (i > 1100 ? 10 : 0)))),
    dayNumber('2023-01-01') ?? 0,
  );

  it.each(DetectionMethodSchema.options)('%s re-evaluates the last days exactly as a full run does', (method) => {
    const full = evaluateSeries(method, noisy);
    const tail = evaluateSeries(method, noisy, {}, noisy.values.length - 3);
    expect(tail).toEqual(full.slice(-3));
    expect(full.some((d) => d.alarm)).toBe(true);
    expect(full.filter((d) => d.value === null).every((d) => d.level === 'grey' && !d.alarm)).toBe(true);
  });

  it('refuses an unknown or out-of-range parameter by name', () => {
    expect(() => methodParams('cusum', { q: 1 })).toThrow(/q/);
    expect(() => methodParams('ewma', { w1: 1.5 })).toThrow(/w1/);
  });

  it('lays out a series day by day with missing days as gaps', () => {
    const laid = dailySeries([
      { date: '2026-03-03', value: 4 },
      { date: '2026-03-01', value: 2 },
    ]);
    expect(laid).toEqual({ first: dayNumber('2026-03-01'), values: [2, null, 4] });
  });
});
