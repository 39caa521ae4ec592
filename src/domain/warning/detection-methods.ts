import { z } from 'zod';
import type { DailySeries } from './daily-series';
import { evaluateC1, evaluateC2, evaluateC3, EarsC1ParamsSchema, EarsC2ParamsSchema, EarsC3ParamsSchema } from './ears';
import { CusumParamsSchema, evaluateCusum } from './cusum';
import { EwmaParamsSchema, evaluateEwma } from './ewma';
import { evaluateMovingPercentile, MovingPercentileParamsSchema } from './moving-percentile';
import { evaluateFixedThreshold, FixedThresholdParamsSchema } from './fixed-threshold';
import type { DayEvaluation } from './evaluation';
import { frequencyOf, periodOfDay, periodSeries, periodStartDay, type Frequency } from './periods';

export const DetectionMethodSchema = z.enum(['ears_c1', 'ears_c2', 'ears_c3', 'cusum', 'ewma', 'mpm', 'fixed']);
export type DetectionMethod = z.infer<typeof DetectionMethodSchema>;

type MethodEntry<S extends z.ZodType> = {
  params: S;
  evaluate: (series: DailySeries, params: z.infer<S>, from?: number) => DayEvaluation[];
};
const entry = <S extends z.ZodType>(params: S, evaluate: MethodEntry<S>['evaluate']): MethodEntry<S> => ({ params, evaluate });

/** Each method with its parameters (defaults from the sources, shown in the UI) and its evaluation. */
export const detectionMethods = {
  ears_c1: entry(EarsC1ParamsSchema, evaluateC1),
  ears_c2: entry(EarsC2ParamsSchema, evaluateC2),
  ears_c3: entry(EarsC3ParamsSchema, evaluateC3),
  cusum: entry(CusumParamsSchema, evaluateCusum),
  ewma: entry(EwmaParamsSchema, evaluateEwma),
  mpm: entry(MovingPercentileParamsSchema, evaluateMovingPercentile),
  fixed: entry(FixedThresholdParamsSchema, evaluateFixedThreshold),
} satisfies { [M in DetectionMethod]: MethodEntry<z.ZodType> };

/**
 * Defaults that differ for a weekly indicator. Every other parameter counts periods as it counts days (a C1 baseline
 * of 7 is 7 weeks). The moving percentile's window is a week of days because CIDARS compares weeks: on a weekly
 * series that week is one period, so its window defaults to 1, and ±2 neighbours stay ±2 weeks.
 */
const weeklyDefaults: Partial<Record<DetectionMethod, Record<string, number>>> = { mpm: { windowDays: 1 } };

/** A method's parameters with its defaults filled in; throws a ZodError naming the parameter that is wrong. */
export function methodParams(method: DetectionMethod, params: Record<string, unknown>, frequency: Frequency = 'daily'): Record<string, number> {
  const defaults = frequency === 'weekly' ? weeklyDefaults[method] : undefined;
  return detectionMethods[method].params.parse(defaults ? { ...defaults, ...params } : params);
}

/**
 * Evaluates a series with a method, from index `from` on (0: every day). Recursive methods (CUSUM, EWMA) still run
 * from the first day, so a late observation re-evaluates the last days exactly as a full run would.
 */
export function evaluateSeries(method: DetectionMethod, series: DailySeries, params: Record<string, unknown> = {}, from = 0): DayEvaluation[] {
  const { evaluate } = detectionMethods[method] as MethodEntry<z.ZodType<Record<string, number>>>;
  return evaluate(series, methodParams(method, params, series.frequency ?? 'daily'), from);
}

/**
 * An indicator's dated figures evaluated period by period, with `day` back as a day number (a week's Monday), so
 * everything past this edge (alerts, the chart, the map) deals in days whatever the frequency. `fromDay` skips the
 * output before that day, as `evaluateSeries`'s `from` does.
 */
export function evaluateIndicatorSeries(
  indicator: { method: DetectionMethod; params: Record<string, number>; frequency?: Frequency | undefined },
  points: readonly { date: string; value: number }[],
  fromDay?: number,
): DayEvaluation[] {
  const frequency = frequencyOf(indicator);
  const series = periodSeries(points, frequency);
  const from = fromDay === undefined ? 0 : Math.max(0, periodOfDay(fromDay, frequency) - series.first);
  if (from >= series.values.length) return [];
  const evaluated = evaluateSeries(indicator.method, series, indicator.params, from);
  return frequency === 'daily' ? evaluated : evaluated.map((d) => ({ ...d, day: periodStartDay(d.day, frequency) }));
}
