import { z } from 'zod';
import { IdSchema } from '../domain/ids';
import { AlertSchema } from '../domain/warning/alerts';
import { DaySchema } from '../domain/warning/daily-series';
import { IndicatorSchema } from '../domain/warning/indicators';
import { TriggerRuleSchema } from '../domain/warning/trigger-rules';

const DayLevelSchema = z.enum(['red', 'yellow', 'green', 'grey']);

/** One day of an indicator as its method judged it: what the chart draws (expected line, threshold band, alarm). */
export const SeriesPointSchema = z.object({
  date: DaySchema,
  value: z.number().nullable(),
  expected: z.number().nullable(),
  threshold: z.number().nullable(),
  stat: z.number().nullable(),
  pValue: z.number().nullable(),
  level: DayLevelSchema,
  alarm: z.boolean(),
});
export type SeriesPoint = z.infer<typeof SeriesPointSchema>;

/** An indicator with today's colour (grey when today has no figure yet) and its last evaluated day. */
export const IndicatorStatusSchema = z.object({
  indicator: IndicatorSchema,
  today: SeriesPointSchema,
  latest: SeriesPointSchema.nullable(),
  observations: z.number().int(),
});
export type IndicatorStatus = z.infer<typeof IndicatorStatusSchema>;

/**
 * The early-warning feature's read methods, spread into the workstation API (src/contract/api.ts). "Today" is the
 * UTC calendar day of the desk's clock, the day the domain raises alerts for (alert-raising.ts).
 */
export const warningApi = {
  'warning.indicators': { params: z.strictObject({}), result: z.object({ today: DaySchema, indicators: z.array(IndicatorStatusSchema) }) },
  /**
   * One indicator's last `days` periods up to today (or its last figure, if later), evaluated with its method: days,
   * or for a weekly indicator weeks, one point per Monday.
   */
  'warning.series': {
    params: z.strictObject({ indicatorId: IdSchema, days: z.number().int().min(7).max(3660).default(90) }),
    result: z.object({ indicator: IndicatorSchema, points: z.array(SeriesPointSchema) }),
  },
  /** Every alert, open first, then by grade, independent sources and acknowledgement time left (rankAlerts). */
  'warning.alerts': { params: z.strictObject({}), result: z.object({ alerts: z.array(AlertSchema) }) },
  'warning.rules': { params: z.strictObject({}), result: z.object({ rules: z.array(TriggerRuleSchema) }) },
} as const;
