import { z } from 'zod';
import type { DailySeries } from './daily-series';
import { evaluateC1, evaluateC2, evaluateC3, EarsC1ParamsSchema, EarsC2ParamsSchema, EarsC3ParamsSchema } from './ears';
import { CusumParamsSchema, evaluateCusum } from './cusum';
import { EwmaParamsSchema, evaluateEwma } from './ewma';
import { evaluateMovingPercentile, MovingPercentileParamsSchema } from './moving-percentile';
import { evaluateFixedThreshold, FixedThresholdParamsSchema } from './fixed-threshold';
import type { DayEvaluation } from './evaluation';

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

/** A method's parameters with its defaults filled in; throws a ZodError naming the parameter that is wrong. */
export function methodParams(method: DetectionMethod, params: Record<string, unknown>): Record<string, number> {
  return detectionMethods[method].params.parse(params);
}

/**
 * Evaluates a series with a method, from index `from` on (0: every day). Recursive methods (CUSUM, EWMA) still run
 * from the first day, so a late observation re-evaluates the last days exactly as a full run would.
 */
export function evaluateSeries(method: DetectionMethod, series: DailySeries, params: Record<string, unknown> = {}, from = 0): DayEvaluation[] {
  const { params: schema, evaluate } = detectionMethods[method] as MethodEntry<z.ZodType<Record<string, number>>>;
  return evaluate(series, schema.parse(params), from);
}
