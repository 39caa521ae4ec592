import { z } from 'zod';
import { mean, sampleSd, tCdf, tQuantile } from './distributions';
import { greyDay, type DayEvaluation } from './evaluation';
import type { DailySeries } from './daily-series';

/**
 * ESSENCE's EWMA, as `Rnssp::alert_ewma` runs it: two smoothers (w1 = 0.4 for gradual rises, w2 = 0.9 for sudden
 * ones, "approximates C2"), a baseline that grows from 11 to `baselineDays` (28) days ending `guardDays` (2)
 * before the day, deviations corrected for the smoothing, Student's t p-values, the smaller p kept, and a smoothed
 * value past the 99th percentile pulled back to it so one outlier does not keep alarming. Red p < 0.01, yellow
 * p < 0.05. A missing day is grey and leaves the smoothers where they were; missing days are left out of the
 * baseline, which must still hold 11 values.
 */
export const EwmaParamsSchema = z.strictObject({
  baselineDays: z.number().int().min(11).max(365).default(28),
  guardDays: z.number().int().min(0).max(14).default(2),
  w1: z.number().gt(0).lt(1).default(0.4),
  w2: z.number().gt(0).lt(1).default(0.9),
});
export type EwmaParams = z.infer<typeof EwmaParamsSchema>;

const MIN_BASELINE = 11;
const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/** Rnssp's bounds, rounded to 5 places as it rounds them; a baseline has at most a few hundred sizes, so they are kept. */
const bounds = new Map<number, { alert: number; warning: number }>();
function boundsFor(dof: number): { alert: number; warning: number } {
  let found = bounds.get(dof);
  if (!found) {
    found = { alert: round5(tQuantile(0.99, dof)), warning: round5(tQuantile(0.95, dof)) };
    bounds.set(dof, found);
  }
  return found;
}

type Smoother = { w: number; z: number | null };

export function evaluateEwma(series: DailySeries, params: EwmaParams, from = 0): DayEvaluation[] {
  const { values } = series;
  const smoothers: Smoother[] = [
    { w: params.w1, z: null },
    { w: params.w2, z: null },
  ];
  const out: DayEvaluation[] = [];
  for (let t = 0; t < values.length; t++) {
    const value = values[t] ?? null;
    const end = t - params.guardDays - 1;
    const window: number[] = [];
    for (let i = Math.max(0, end - params.baselineDays + 1); i <= end; i++) {
      const v = values[i];
      if (v !== null && v !== undefined) window.push(v);
    }
    if (value === null) {
      if (t >= from) out.push(greyDay(series.first + t, value));
      continue;
    }
    // Rnssp starts testing once 11 + g days have passed; the smoothers run from the first value regardless.
    if (end + 1 < MIN_BASELINE || window.length < MIN_BASELINE) {
      for (const s of smoothers) s.z = s.z === null ? value : s.w * value + (1 - s.w) * s.z;
      if (t >= from) out.push(greyDay(series.first + t, value));
      continue;
    }
    const n = window.length;
    const dof = n - 1;
    const expected = mean(window);
    const sigma = sampleSd(window, expected);
    const { alert: uclAlert, warning: uclWarning } = boundsFor(dof);
    const reported = t >= from;
    let best: { p: number; stat: number } | null = null;
    let threshold = Infinity;
    for (const s of smoothers) {
      const { w } = s;
      const previous = s.z ?? value;
      const correction = Math.sqrt(w / (2 - w) + 1 / n - (2 * (1 - w) ** (params.guardDays + 1) * (1 - (1 - w) ** n)) / n);
      const minSigma = (w / uclWarning) * (1 + 0.5 * (1 - w) ** 2);
      const constant = (0.1289 - (0.2414 - 0.1826 * (1 - w) ** 4) * Math.log(10 * 0.05)) * (w / uclWarning);
      const sigmaW = Math.max(minSigma, sigma * correction + constant);
      let z = w * value + (1 - w) * previous;
      const stat = (z - expected) / sigmaW;
      if (Math.abs(stat) > uclAlert) z = expected + Math.sign(stat) * uclAlert * sigmaW;
      s.z = z;
      if (!reported) continue;
      const p = 1 - tCdf(stat, dof);
      // On a tie Rnssp keeps the second smoother's statistic.
      if (!best || p <= best.p) best = { p, stat };
      threshold = Math.min(threshold, (expected + uclAlert * sigmaW - (1 - w) * previous) / w);
    }
    if (!best) continue;
    const level = best.p < 0.01 ? 'red' : best.p < 0.05 ? 'yellow' : 'green';
    out.push({ day: series.first + t, value, expected, stat: best.stat, threshold, pValue: best.p, level, alarm: level === 'red' });
  }
  return out;
}
