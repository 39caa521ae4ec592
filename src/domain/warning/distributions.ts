import jstat from 'jstat';

const { jStat } = jstat;

/** P(T ≤ x) for Student's t with `dof` degrees of freedom (R's `pt`). */
export function tCdf(x: number, dof: number): number {
  return jStat.studentt.cdf(x, dof);
}

/** The p-quantile of Student's t (R's `qt`). */
export function tQuantile(p: number, dof: number): number {
  return jStat.studentt.inv(p, dof);
}

/** The p-quantile of the standard normal (R's `qnorm`). */
export function normalQuantile(p: number): number {
  return jStat.normal.inv(p, 0, 1);
}

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** The sample standard deviation (n − 1), as R's `sd`; 0 for fewer than two values. */
export function sampleSd(values: readonly number[], valuesMean = mean(values)): number {
  if (values.length < 2) return 0;
  let squares = 0;
  for (const v of values) squares += (v - valuesMean) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/** The p-th quantile (0–1) by linear interpolation between order statistics: R's default, `type = 7`. */
export function quantile(values: readonly number[], p: number): number {
  return sortedQuantile([...values].sort((a, b) => a - b), p);
}

/** `quantile` of values already in ascending order, for taking several quantiles of one set. */
export function sortedQuantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo] ?? Number.NaN;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] ?? below;
  return below + (h - lo) * (above - below);
}
