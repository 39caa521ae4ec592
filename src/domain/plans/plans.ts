import { z } from 'zod';
import { IdSchema, SpaceIdSchema, StoredEpochMsSchema } from '../ids';
import { IncidentTypeSchema } from '../incidents';
import { RoleSchema } from '../roles';
import { PlanContentSchema, PlanKindSchema, PlanTextSchema, SectionKeySchema } from './plan-content';

/**
 * The six conditions that force a plan revision (State Council plan management measures, 2013): laws,
 * standards or higher plans change; command bodies or duties change materially; risks change materially; key
 * resources change materially; other key information changes; problems found in a real response or a drill.
 */
export const RevisionTriggerSchema = z.enum([
  'law_or_standard_changed',
  'command_structure_changed',
  'risk_changed',
  'resources_changed',
  'key_information_changed',
  'lessons_from_response_or_exercise',
]);
export type RevisionTrigger = z.infer<typeof RevisionTriggerSchema>;
export const revisionTriggers = RevisionTriggerSchema.options;

/** A version is written, reviewed, approved; approving the next one supersedes it; retiring the plan retires it. */
export const PlanVersionStatusSchema = z.enum(['draft', 'in_review', 'approved', 'superseded', 'retired']);
export type PlanVersionStatus = z.infer<typeof PlanVersionStatusSchema>;

/** Approval names the person and the role they approved in, so the plan shows who stands behind it. */
export const ApprovalSchema = z.object({ userId: z.string().min(1), role: RoleSchema, name: z.string().trim().min(1).max(100) });

export const PlanReviewSchema = z.object({
  at: StoredEpochMsSchema,
  by: z.string(),
  outcome: z.enum(['no_change', 'revision_needed']),
  note: z.string().max(2000),
});

/** Drills count toward the exercise cycle; a real activation is kept beside them (it tests the plan too). */
export const PlanExerciseKindSchema = z.enum(['tabletop', 'drill', 'functional', 'full_scale', 'real_activation']);
export const PlanExerciseSchema = z.object({
  at: StoredEpochMsSchema,
  by: z.string(),
  kind: PlanExerciseKindSchema,
  note: z.string().max(2000),
  exerciseId: IdSchema.optional(),
});

/**
 * A plan (kind `plan`): what stays the same across its versions, and the review and exercise record the cycles
 * are computed from. Its text lives in its versions (kind `planVersion`), so an incident pins one version while
 * the plan moves on.
 */
export const PlanSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  code: z.string().trim().min(1).max(40),
  title: PlanTextSchema,
  kind: PlanKindSchema,
  hazards: z.array(IncidentTypeSchema),
  ownerDept: PlanTextSchema,
  reviewCycleMonths: z.number().int().min(1).max(60),
  exerciseCycleMonths: z.number().int().min(1).max(60),
  approverRole: RoleSchema,
  status: z.enum(['active', 'retired']),
  /** The approved version in force; absent until a first approval. */
  currentVersionId: IdSchema.optional(),
  /** First approval: the exercise cycle of a plan never exercised counts from here. */
  adoptedAt: StoredEpochMsSchema.optional(),
  /** Last approval or review, whichever is later: the review cycle counts from here. */
  lastReviewedAt: StoredEpochMsSchema.optional(),
  lastExercisedAt: StoredEpochMsSchema.optional(),
  reviews: z.array(PlanReviewSchema),
  exercises: z.array(PlanExerciseSchema),
  createdAt: StoredEpochMsSchema,
  createdBy: z.string(),
  updatedAt: StoredEpochMsSchema,
});
export type Plan = z.infer<typeof PlanSchema>;

/** One version of a plan's text (kind `planVersion`); frozen from approval on. */
export const PlanVersionSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  planId: IdSchema,
  major: z.number().int().min(1),
  minor: z.number().int().min(0),
  status: PlanVersionStatusSchema,
  content: PlanContentSchema,
  /**
   * The version this one revises, why, which sections it changes, and the corrective actions (of after-action
   * reports) it closes once approved; absent on a plan's first version, `closes` on revisions made before it existed.
   */
  revision: z
    .object({
      fromVersionId: IdSchema,
      trigger: RevisionTriggerSchema,
      summary: z.string().trim().min(1).max(2000),
      sectionsChanged: z.array(SectionKeySchema),
      closes: z.array(IdSchema).optional(),
    })
    .optional(),
  createdAt: StoredEpochMsSchema,
  createdBy: z.string(),
  submittedAt: StoredEpochMsSchema.optional(),
  approval: ApprovalSchema.extend({ at: StoredEpochMsSchema }).optional(),
  /** When a later approval or the plan's retirement took it out of force. */
  endedAt: StoredEpochMsSchema.optional(),
  updatedAt: StoredEpochMsSchema,
});
export type PlanVersion = z.infer<typeof PlanVersionSchema>;

export const versionLabel = (v: Pick<PlanVersion, 'major' | 'minor'>): string => `${v.major}.${v.minor}`;
