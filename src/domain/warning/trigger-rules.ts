import { z } from 'zod';
import { IdSchema, SpaceIdSchema, StoredEpochMsSchema } from '../ids';
import { IncidentTypeSchema } from '../incidents';
import type { DayLevel } from './evaluation';
import { SyndromeGroupSchema } from './indicators';
import { WarningGradeSchema } from './warning-grades';

/**
 * What a multi-point trigger rule asks of the indicators on a day (our proposal, kept small):
 * - `level`: the indicator reached at least this colour on some day of the rule's window;
 * - `total`: the indicator's values over the last `days` days add up to at least `atLeast` ("lab positives ≥ 3 in 2 days");
 * - `all`, `any`, `atLeast` (n of): combinations, nested at most three deep.
 */
export type Condition =
  | { type: 'level'; indicatorId: string; atLeast: 'yellow' | 'red' }
  | { type: 'total'; indicatorId: string; days: number; atLeast: number }
  | { type: 'all' | 'any'; of: Condition[] }
  | { type: 'atLeast'; count: number; of: Condition[] };

const MAX_DEPTH = 3;

const conditionAt = (depth: number): z.ZodType<Condition> =>
  z.lazy(() => {
    const leaves = [
      z.strictObject({ type: z.literal('level'), indicatorId: IdSchema, atLeast: z.enum(['yellow', 'red']) }),
      z.strictObject({ type: z.literal('total'), indicatorId: IdSchema, days: z.number().int().min(1).max(28), atLeast: z.number().min(0).max(1_000_000) }),
    ] as const;
    if (depth >= MAX_DEPTH) return z.discriminatedUnion('type', [...leaves]);
    const of = z.array(conditionAt(depth + 1)).min(1).max(8);
    return z.discriminatedUnion('type', [
      ...leaves,
      z.strictObject({ type: z.literal('all'), of }),
      z.strictObject({ type: z.literal('any'), of }),
      z.strictObject({ type: z.literal('atLeast'), count: z.number().int().min(1).max(8), of }),
    ]);
  });
export const ConditionSchema = conditionAt(1);

export const RuleNameSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(200);

/**
 * A multi-point trigger rule (kind `triggerRule`): when its condition holds, it raises an alert of its grade in its
 * syndrome group. Versioned: an alert keeps the version and condition that raised it, so it can be explained later.
 */
export const TriggerRuleSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  name: RuleNameSchema,
  grade: WarningGradeSchema,
  condition: ConditionSchema,
  /** The window `level` conditions look back over, in days (72 h by default). */
  withinDays: z.number().int().min(1).max(14),
  group: SyndromeGroupSchema,
  suggestedIncidentType: IncidentTypeSchema,
  enabled: z.boolean(),
  version: z.number().int().min(1),
  updatedAt: StoredEpochMsSchema,
  updatedBy: z.string(),
});
export type TriggerRule = z.infer<typeof TriggerRuleSchema>;

type Leaf = Extract<Condition, { indicatorId: string }>;

export function conditionLeaves(condition: Condition): Leaf[] {
  if (condition.type === 'level' || condition.type === 'total') return [condition];
  return condition.of.flatMap(conditionLeaves);
}

export function conditionIndicators(condition: Condition): string[] {
  return [...new Set(conditionLeaves(condition).map((leaf) => leaf.indicatorId))];
}

/** What a rule reads of the indicators: each one's colour and value by day number. */
export type IndicatorDays = ReadonlyMap<string, ReadonlyMap<number, { level: DayLevel; value: number | null }>>;

const reaches = (level: DayLevel | undefined, atLeast: 'yellow' | 'red') => level === 'red' || (atLeast === 'yellow' && level === 'yellow');

/** Whether a condition holds on day `day`, looking back `withinDays` for colours. Missing days add nothing. */
export function conditionHolds(condition: Condition, day: number, withinDays: number, days: IndicatorDays): boolean {
  switch (condition.type) {
    case 'level': {
      const series = days.get(condition.indicatorId);
      for (let d = day - withinDays + 1; d <= day; d++) if (reaches(series?.get(d)?.level, condition.atLeast)) return true;
      return false;
    }
    case 'total': {
      const series = days.get(condition.indicatorId);
      let total = 0;
      for (let d = day - condition.days + 1; d <= day; d++) total += series?.get(d)?.value ?? 0;
      return total >= condition.atLeast;
    }
    case 'all':
      return condition.of.every((c) => conditionHolds(c, day, withinDays, days));
    case 'any':
      return condition.of.some((c) => conditionHolds(c, day, withinDays, days));
    case 'atLeast':
      return condition.of.filter((c) => conditionHolds(c, day, withinDays, days)).length >= condition.count;
  }
}
