import { z } from 'zod';
import { AarSchema, CorrectiveActionSchema } from '../domain/aar';
import { PerformanceRatingSchema } from '../domain/exercises';
import { IdSchema } from '../domain/ids';
import { SectionKeySchema } from '../domain/plans';

const LangSchema = z.enum(['zh-CN', 'en']);
const TextSchema = z.object({ 'zh-CN': z.string(), en: z.string() });

/** A plan a corrective action may be linked to: active, with the section titles of its version in force. */
export const LinkablePlanSchema = z.object({
  id: IdSchema,
  code: z.string(),
  title: TextSchema,
  sections: z.array(z.object({ key: SectionKeySchema, title: TextSchema })),
});
export type LinkablePlan = z.infer<typeof LinkablePlanSchema>;

/**
 * A later exercise's objective that names a corrective action, as this desk holds it (a drill's space it was in):
 * the evaluators' current ratings, and whether they verify the action now (the same rule the server checks).
 */
export const ActionTestSchema = z.object({
  actionId: IdSchema,
  exerciseId: IdSchema,
  exerciseName: z.string(),
  objectiveId: z.string(),
  objectiveText: z.string(),
  ratings: z.array(PerformanceRatingSchema),
  verifies: z.boolean(),
});
export type ActionTest = z.infer<typeof ActionTestSchema>;

/** A corrective action as the plan page lists it: with the incident (or exercise) and the area for improvement it comes from. */
export const PlanActionSchema = z.object({ action: CorrectiveActionSchema, incidentName: z.string(), improvement: z.string() });
export type PlanAction = z.infer<typeof PlanActionSchema>;

/** After-action reports and their corrective actions, spread into the workstation API (src/contract/api.ts). */
export const aarApi = {
  /**
   * An incident's AAR (null until drafted), its corrective actions oldest first, the plans they may change, and the
   * later exercises' objectives that put them to the test.
   */
  'aar.get': {
    params: z.strictObject({ incidentId: IdSchema }),
    result: z.object({ aar: AarSchema.nullable(), actions: z.array(CorrectiveActionSchema), plans: z.array(LinkablePlanSchema), tests: z.array(ActionTestSchema) }),
  },
  /**
   * The real spaces' corrective actions held on this desk and not yet verified, for a drill's facilitator to name
   * in an objective (exercise.setVerifies keeps their ids only). Their words stay on this desk.
   */
  'correctiveAction.toVerify': {
    params: z.strictObject({}),
    result: z.object({ actions: z.array(z.object({ id: IdSchema, action: z.string(), owner: z.string(), status: CorrectiveActionSchema.shape.status })) }),
  },
  /** The corrective actions that change one plan, whatever incident they come from. */
  'correctiveAction.list': { params: z.strictObject({ planId: IdSchema }), result: z.object({ actions: z.array(PlanActionSchema) }) },
  /** The AAR as PDF (DRAFT across the top), with its improvement plan. */
  'aar.pdf': { params: z.strictObject({ incidentId: IdSchema, lang: LangSchema }), result: z.object({ fileName: z.string(), pdfBase64: z.string() }) },
} as const;
