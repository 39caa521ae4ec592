import { z } from 'zod';
import { IdSchema, StoredEpochMsSchema } from '../domain/ids';
import { IncidentSchema } from '../domain/incidents/incident';
import { PlanActivationSchema, PlanReadinessSchema, PlanSchema, PlanVersionSchema, PositionChecklistSchema } from '../domain/plans';

/** A plan with the versions the library shows: the one in force and the one being written, if any. */
export const PlanSummarySchema = z.object({
  plan: PlanSchema,
  current: PlanVersionSchema.omit({ content: true }).nullable(),
  open: PlanVersionSchema.omit({ content: true }).nullable(),
  /** Checklist items per 4R phase of the version in force (or of the draft, before a first approval). */
  itemsByPhase: z.record(z.string(), z.number().int()),
});
export type PlanSummary = z.infer<typeof PlanSummarySchema>;

/** A plan activated on the incident, its pinned version's text and the position checklists it opened. */
export const IncidentPlanSchema = z.object({
  activation: PlanActivationSchema,
  plan: PlanSchema,
  version: PlanVersionSchema,
  checklists: z.array(PositionChecklistSchema),
});
export type IncidentPlan = z.infer<typeof IncidentPlanSchema>;

/**
 * The plans feature's read methods, spread into the workstation API (src/contract/api.ts). Review and exercise
 * states and which checklist items are due are not in the results: they move with the clock, so the screens
 * derive them from these rows and their own clock with the domain's functions (src/domain/plans).
 */
export const plansApi = {
  /** Every plan of the space, active first, then by code. */
  'plans.list': { params: z.strictObject({}), result: z.object({ plans: z.array(PlanSummarySchema) }) },
  /** One plan with all its versions, newest first. */
  'plans.get': { params: z.strictObject({ planId: IdSchema }), result: z.object({ plan: PlanSchema, versions: z.array(PlanVersionSchema) }) },
  /** The plans activated on one incident, with their checklists, and the incident they are derived against. */
  'plans.incident': { params: z.strictObject({ incidentId: IdSchema }), result: z.object({ incident: IncidentSchema, plans: z.array(IncidentPlanSchema) }) },
  /**
   * The 4R readiness of every active plan, lowest score first, as of `at` (default: the desk's clock). The clocks in
   * it move with time, not with writes: a screen passes the hour it is in, so a live read is read again each hour.
   * Reads only
   * the desk's current space: an exercise's objective ratings stay in its exercise space, so the last-exercise part
   * rests on the plan's own record of its exercises.
   */
  'plans.readiness': { params: z.strictObject({ at: StoredEpochMsSchema.optional() }), result: z.object({ at: z.number(), plans: z.array(PlanReadinessSchema) }) },
} as const;
