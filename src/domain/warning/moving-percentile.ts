import { z } from 'zod';
import { sortedQuantile } from './distributions';
import type { DailySeries } from './daily-series';
import { greyDay, type DayEvaluation } from './evaluation';
import { samePeriodYearsBefore } from './periods';

/**
 * China CIDARS's moving percentile method (MPM), as published studies of CIDARS describe it: the sum of the
 * last `windowDays` (7) days against the `percentile` of the same window and its ±`neighbours` (2) neighbouring
 * windows in each of the previous `years` (3) years; a signal when the sum is above it and at least `minCount`.
 * P50–P80 is the range the studies tune per disease. A past window with a missing day is left out; fewer than one
 * year's worth of windows is grey. On a weekly series the periods are weeks: the window is `windowDays` weeks (1 by
 * default for a weekly indicator, detection-methods.ts) and "the same window" is the same ISO week number.
 */
export const MovingPercentileParamsSchema = z.strictObject({
  percentile: z.number().int().min(40).max(95).default(80),
  years: z.number().int().min(1).max(10).default(3),
  neighbours: z.number().int().min(0).max(6).default(2),
  windowDays: z.number().int().min(1).max(28).default(7),
  minCount: z.number().min(0).max(1_000_000).default(1),
});
export type MovingPercentileParams = z.infer<typeof MovingPercentileParamsSchema>;

/** Running sums of values and of missing days, so any window's sum is two subtractions: a day is looked at ~16 times. */
function windowSums(values: DailySeries['values']): (end: number, days: number) => number | null {
  const sums = new Float64Array(values.length + 1);
  const gaps = new Int32Array(values.length + 1);
  values.forEach((v, i) => {
    sums[i + 1] = (sums[i] ?? 0) + (v ?? 0);
    gaps[i + 1] = (gaps[i] ?? 0) + (v === null ? 1 : 0);
  });
  return (end, days) => {
    const start = end - days + 1;
    if (start < 0 || end >= values.length) return null;
    if ((gaps[end + 1] ?? 0) - (gaps[start] ?? 0) > 0) return null;
    return (sums[end + 1] ?? 0) - (sums[start] ?? 0);
  };
}

export function evaluateMovingPercentile(series: DailySeries, params: MovingPercentileParams, from = 0): DayEvaluation[] {
  const out: DayEvaluation[] = [];
  const perYear = 2 * params.neighbours + 1;
  const windowSum = windowSums(series.values);
  for (let t = from; t < series.values.length; t++) {
    const value = series.values[t] ?? null;
    const current = value === null ? null : windowSum(t, params.windowDays);
    const past: number[] = [];
    for (let y = 1; current !== null && y <= params.years; y++) {
      const sameDay = samePeriodYearsBefore(series.first + t, y, series.frequency ?? 'daily') - series.first;
      for (let j = -params.neighbours; j <= params.neighbours; j++) {
        const sum = windowSum(sameDay + j * params.windowDays, params.windowDays);
        if (sum !== null) past.push(sum);
      }
    }
    if (value === null || current === null || past.length < perYear) {
      out.push(greyDay(series.first + t, value));
      continue;
    }
    past.sort((a, b) => a - b);
    const threshold = sortedQuantile(past, params.percentile / 100);
    const alarm = current > threshold && current >= params.minCount;
    out.push({ day: series.first + t, value, expected: sortedQuantile(past, 0.5), stat: current, threshold, pValue: null, level: alarm ? 'red' : 'green', alarm });
  }
  return out;
}
