import { z } from 'zod';
import { mean } from './distributions';
import { greyDay, type DayEvaluation } from './evaluation';
import type { DailySeries } from './daily-series';

/**
 * Poisson CUSUM (`surveillance::algo.cusum`): `z = (x − m)/√m`, `S_t = max(0, S_{t−1} + z_t − k)`, alarm when
 * `S_t ≥ h`, with k = 1.04 and h = 2.26 (its defaults). `surveillance` takes m from all points before the range;
 * a command room evaluates every day, so m here is the mean of the `baselineDays` ending `guardDays` before the
 * day, as ESSENCE does (proposal). `minSigma` floors √m so a run of zeros does not make one case infinite
 * (proposal: Burkom's 0.5). Yellow when S passes h/2 (our proposal).
 */
export const CusumParamsSchema = z.strictObject({
  k: z.number().min(0).max(10).default(1.04),
  h: z.number().gt(0).max(50).default(2.26),
  baselineDays: z.number().int().min(7).max(365).default(28),
  guardDays: z.number().int().min(0).max(14).default(2),
  minSigma: z.number().min(0).max(10_000).default(0.5),
});
export type CusumParams = z.infer<typeof CusumParamsSchema>;

/** The sum restarts at 0 after a day that cannot be evaluated: a gap says nothing about a rise. */
export function evaluateCusum(series: DailySeries, params: CusumParams, from = 0): DayEvaluation[] {
  const { values } = series;
  const out: DayEvaluation[] = [];
  let s = 0;
  for (let t = 0; t < values.length; t++) {
    const value = values[t] ?? null;
    const end = t - params.guardDays - 1;
    const start = end - params.baselineDays + 1;
    let reference: number[] | null = value === null || start < 0 ? null : [];
    for (let i = start; reference && i <= end; i++) {
      const v = values[i];
      if (v === null || v === undefined) reference = null;
      else reference.push(v);
    }
    if (value === null || !reference) {
      s = 0;
      if (t >= from) out.push(greyDay(series.first + t, value));
      continue;
    }
    const m = mean(reference);
    const sd = Math.max(Math.sqrt(m), params.minSigma);
    const previous = s;
    s = Math.max(0, previous + (value - m) / sd - params.k);
    if (t < from) continue;
    const alarm = s >= params.h;
    out.push({
      day: series.first + t,
      value,
      expected: m,
      stat: s,
      threshold: m + sd * (params.h + params.k - previous),
      pValue: null,
      level: alarm ? 'red' : s > params.h / 2 ? 'yellow' : 'green',
      alarm,
    });
  }
  return out;
}
