import { z } from 'zod';
import { IdSchema } from '../domain/ids';
import { CostCategorySchema, CostLineSchema, DemobCheckoutSchema, MetricKindSchema, RecoveryMetricSchema, WellbeingCheckInSchema, ZoneCountsSchema } from '../domain/recovery';

/** A person to check out: from the org chart (HICS 203) and the labour pool, with their check-out so far. */
export const CheckoutPersonSchema = z.object({
  name: z.string(),
  /** The home unit from the staff directory, when the person is in it. */
  unit: z.string().nullable(),
  positions: z.array(z.string()),
  pooled: z.boolean(),
  checkout: DemobCheckoutSchema.nullable(),
});
export type CheckoutPerson = z.infer<typeof CheckoutPersonSchema>;

const AggregateSchema = z.object({ unit: z.string().nullable(), people: z.number(), zones: ZoneCountsSchema.nullable() });

/** Recovery, spread into the workstation API (src/contract/api.ts). */
export const recoveryApi = {
  /**
   * An incident's recovery: the people to check out and the progress, the metrics with the value now (counted
   * from beds and stock where the records hold it), the cost lines and totals, and wellbeing: the unit aggregate
   * for everyone, individual check-ins (latest first) only for a user with `wellbeing.read`.
   */
  'recovery.get': {
    params: z.strictObject({ incidentId: IdSchema }),
    result: z.object({
      people: z.array(CheckoutPersonSchema),
      progress: z.object({ people: z.number(), done: z.number(), ticked: z.number(), items: z.number() }),
      metrics: z.array(z.object({ metric: RecoveryMetricSchema, current: z.number().nullable(), met: z.boolean() })),
      /** Available beds at the declaration: what "beds back to baseline" aims for. */
      bedsBaseline: z.number(),
      costs: z.object({
        lines: z.array(CostLineSchema),
        byCategory: z.array(z.object({ category: CostCategorySchema, total: z.number(), lines: z.number() })),
        total: z.number(),
      }),
      wellbeing: z.object({
        mayRead: z.boolean(),
        units: z.array(AggregateSchema),
        total: AggregateSchema,
        /** Check-ins awaiting the lead's follow-up: a count for everyone, the check-ins themselves for the lead. */
        awaitingFollowUp: z.number(),
        checkIns: z.array(WellbeingCheckInSchema),
      }),
    }),
  },
  /**
   * What the wall shows of recovery: counts and targets only. No person's name, no metric owner, no check-in: a
   * wall is read by everyone in the room, whoever is logged in on the desk that drives it.
   */
  'recovery.wall': {
    params: z.strictObject({ incidentId: IdSchema }),
    result: z.object({
      checkout: z.object({ people: z.number(), done: z.number() }),
      metrics: z.array(z.object({ id: IdSchema, kind: MetricKindSchema, label: z.string(), target: z.number(), current: z.number().nullable(), met: z.boolean() })),
      wellbeing: z.object({ units: z.array(AggregateSchema), total: AggregateSchema, awaitingFollowUp: z.number() }),
    }),
  },
} as const;
