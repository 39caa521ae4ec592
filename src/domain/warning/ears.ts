import { z } from 'zod';
import { mean, normalQuantile, sampleSd } from './distributions';
import { greyDay, finiteOrNull, type DayEvaluation } from './evaluation';
import type { DailySeries } from './daily-series';

/**
 * EARS C1, C2 and C3 (CDC; `surveillance::earsC`). C1 compares a day with the 7 days before it; C2 with 7 days
 * ending a 2-day guard band earlier; C3 sums the last three days' C2 excesses over 1. `minSigma` floors the
 * baseline's deviation (0 as in `surveillance`; Burkom suggests 0.5–1 for sparse counts).
 */
const common = {
  baselineDays: z.number().int().min(3).max(56).default(7),
  guardDays: z.number().int().min(0).max(14).default(2),
  minSigma: z.number().min(0).max(10_000).default(0),
};
/** α = 0.001 for C1 and C2 (zα ≈ 3.09) and 0.025 for C3 (≈ 1.96): "the choices made at the CDC". */
export const EarsC1ParamsSchema = z.strictObject({ ...common, alpha: z.number().gt(0).lt(0.5).default(0.001) });
export const EarsC2ParamsSchema = EarsC1ParamsSchema;
export const EarsC3ParamsSchema = z.strictObject({ ...common, alpha: z.number().gt(0).lt(0.5).default(0.025) });
export type EarsParams = z.infer<typeof EarsC1ParamsSchema>;

type Baseline = { mean: number; sigma: number };

/** Mean and floored deviation of the `days` values ending at `end`, or null when one is missing or before the start. */
function baseline(values: DailySeries['values'], end: number, days: number, minSigma: number): Baseline | null {
  const start = end - days + 1;
  if (start < 0) return null;
  const window: number[] = [];
  for (let i = start; i <= end; i++) {
    const v = values[i];
    if (v === null || v === undefined) return null;
    window.push(v);
  }
  const m = mean(window);
  return { mean: m, sigma: Math.max(sampleSd(window, m), minSigma) };
}

/** How far a value lies above a baseline in deviations; unbounded when the baseline is flat and the value above it. */
function deviations(value: number, b: Baseline): number {
  if (b.sigma > 0) return (value - b.mean) / b.sigma;
  return value > b.mean ? Infinity : 0;
}

function evaluateShifted(series: DailySeries, params: EarsParams, lag: number, from: number): DayEvaluation[] {
  const z = normalQuantile(1 - params.alpha);
  const out: DayEvaluation[] = [];
  for (let t = from; t < series.values.length; t++) {
    const value = series.values[t] ?? null;
    const b = value === null ? null : baseline(series.values, t - lag, params.baselineDays, params.minSigma);
    if (value === null || b === null) {
      out.push(greyDay(series.first + t, value));
      continue;
    }
    const threshold = b.mean + z * b.sigma;
    const alarm = value > threshold;
    out.push({ day: series.first + t, value, expected: b.mean, stat: finiteOrNull(deviations(value, b)), threshold, pValue: null, level: alarm ? 'red' : 'green', alarm });
  }
  return out;
}

export function evaluateC1(series: DailySeries, params: EarsParams, from = 0): DayEvaluation[] {
  return evaluateShifted(series, params, 1, from);
}

export function evaluateC2(series: DailySeries, params: EarsParams, from = 0): DayEvaluation[] {
  return evaluateShifted(series, params, 1 + params.guardDays, from);
}

/**
 * C3 alarms when `Σ_{i=t−2..t} max(0, C2_i − 1) > zα`. Ported from the formula, not from `surveillance`'s code,
 * whose bound leaves day t out. `threshold` is the value at which day t would alarm given the two days before;
 * when those two already exceed zα the day alarms whatever its value.
 */
export function evaluateC3(series: DailySeries, params: EarsParams, from = 0): DayEvaluation[] {
  const h = normalQuantile(1 - params.alpha);
  const lag = 1 + params.guardDays;
  const c2 = (i: number): { value: number; b: Baseline } | null => {
    const value = series.values[i] ?? null;
    const b = i < 0 || value === null ? null : baseline(series.values, i - lag, params.baselineDays, params.minSigma);
    return value === null || b === null ? null : { value, b };
  };
  const excess = (day: { value: number; b: Baseline }) => Math.max(0, deviations(day.value, day.b) - 1);
  const out: DayEvaluation[] = [];
  for (let t = from; t < series.values.length; t++) {
    const days = [c2(t - 2), c2(t - 1), c2(t)];
    const [twoBefore, before, today] = days;
    if (!twoBefore || !before || !today) {
      out.push(greyDay(series.first + t, series.values[t] ?? null));
      continue;
    }
    const earlier = excess(twoBefore) + excess(before);
    const stat = earlier + excess(today);
    const alarm = stat > h;
    out.push({
      day: series.first + t,
      value: today.value,
      expected: today.b.mean,
      stat: finiteOrNull(stat),
      threshold: finiteOrNull(today.b.mean + today.b.sigma * (1 + h - earlier)),
      pValue: null,
      level: alarm ? 'red' : 'green',
      alarm,
    });
  }
  return out;
}
