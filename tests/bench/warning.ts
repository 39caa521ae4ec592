/**
 * Early-warning benchmark: 200 indicators × 5 years of daily data evaluated with every detection method.
 * `evaluations_per_s` counts indicator-days evaluated per second; `baseline_evaluations_per_s` runs the same loop
 * doing only what any evaluation must (copy each series' values), so their ratio is the methods' own cost.
 * `incremental_eval_ms` (p50, p99 beside it) is re-evaluating one indicator's last days after a new observation,
 * as the desk does on every entry. Last line: one JSON object.
 */
import { performance } from 'node:perf_hooks';
import { dayNumber, type DailySeries } from '../../src/domain/warning/daily-series';
import { DetectionMethodSchema, evaluateSeries } from '../../src/domain/warning/detection-methods';
import { percentile, round } from './stats';

const INDICATORS = 200;
const DAYS = 5 * 365 + 1;
const LATE_DAYS = 3; // the guard band plus today: what a late observation can change

function makeSeries(seed: number): DailySeries {
  let state = seed * 2654435761 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) % 10_000) / 10_000;
  };
  const level = 2 + (seed % 40);
  const values = Array.from({ length: DAYS }, (_, i) => {
    if (random() < 0.01) return null;
    const season = 1 + 0.4 * Math.sin((2 * Math.PI * i) / 365);
    return Math.round(level * season * (0.7 + 0.6 * random()));
  });
  return { first: dayNumber('2021-12-01') ?? 0, values };
}

function main(): void {
  const all = Array.from({ length: INDICATORS }, (_, i) => makeSeries(i + 1));
  const methods = DetectionMethodSchema.options;
  let sink = 0;

  const baselineStart = performance.now();
  for (const _method of methods) for (const s of all) sink += [...s.values].length;
  const baselineMs = performance.now() - baselineStart;

  const perMethod: Record<string, number> = {};
  const start = performance.now();
  for (const method of methods) {
    const methodStart = performance.now();
    for (const s of all) sink += evaluateSeries(method, s).length;
    perMethod[`${method}_ms`] = round(performance.now() - methodStart, 1);
  }
  const evalMs = performance.now() - start;

  const incremental: number[] = [];
  for (let round_ = 0; round_ < 50; round_++) {
    const s = all[round_ % all.length];
    if (!s) continue;
    const updated: DailySeries = { first: s.first, values: [...s.values, 9] };
    const t0 = performance.now();
    for (const method of methods) sink += evaluateSeries(method, updated, {}, updated.values.length - LATE_DAYS).length;
    incremental.push(performance.now() - t0);
  }

  const evaluations = methods.length * INDICATORS * DAYS;
  const evaluationsPerS = evaluations / (evalMs / 1000);
  const baselinePerS = evaluations / (baselineMs / 1000);
  console.log(`indicators ${INDICATORS} × days ${DAYS} × methods ${methods.length} (${methods.join(', ')}); sink ${sink}`);
  console.log(JSON.stringify({
    indicators: INDICATORS,
    days: DAYS,
    methods: methods.length,
    evaluations_per_s: round(evaluationsPerS, 0),
    baseline_evaluations_per_s: round(baselinePerS, 0),
    baseline_ratio: round(baselinePerS / evaluationsPerS, 1),
    ...perMethod,
    incremental_eval_ms: round(percentile(incremental, 50), 3),
    incremental_eval_p99_ms: round(percentile(incremental, 99), 3),
  }));
}

main();
