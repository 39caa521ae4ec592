import { z } from 'zod';
import type { DailySeries } from './daily-series';
import { greyDay, type DayEvaluation } from './evaluation';

/**
 * CIDARS's fixed threshold: one case of a disease such as cholera, plague or H5N1 signals at once, with no
 * baseline. `threshold` is the count that signals (1 by default). No expected value: there is no baseline.
 */
export const FixedThresholdParamsSchema = z.strictObject({ threshold: z.number().gt(0).max(1_000_000).default(1) });
export type FixedThresholdParams = z.infer<typeof FixedThresholdParamsSchema>;

export function evaluateFixedThreshold(series: DailySeries, params: FixedThresholdParams, from = 0): DayEvaluation[] {
  const out: DayEvaluation[] = [];
  for (let t = from; t < series.values.length; t++) {
    const value = series.values[t] ?? null;
    if (value === null) {
      out.push(greyDay(series.first + t, value));
      continue;
    }
    const alarm = value >= params.threshold;
    out.push({ day: series.first + t, value, expected: null, stat: value, threshold: params.threshold, pValue: null, level: alarm ? 'red' : 'green', alarm });
  }
  return out;
}
