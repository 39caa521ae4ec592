import { z } from 'zod';
import { derivedId, IdSchema, SpaceIdSchema, StoredEpochMsSchema } from '../ids';
import { IncidentEventSchema } from '../incidents';
import { SectionKeySchema } from '../plans';
import { ExerciseAarSchema } from './exercise-aar';

const count = z.number().int().min(0);

/** One line of the AAR's chronology: a decision the incident records (declared, level, period, status) or a line of its own log. */
export const AarTimelineEntrySchema = z.discriminatedUnion('type', [
  ...IncidentEventSchema.options,
  z.object({ type: z.literal('log'), at: StoredEpochMsSchema, by: z.string(), text: z.string().max(500) }),
]);
export type AarTimelineEntry = z.infer<typeof AarTimelineEntrySchema>;

/**
 * A clock's outcome at the close: reported by its due time (met), reported after it (late), never reported though
 * due before the close (missed), or not reported and not yet due when the incident closed (not_due).
 */
export const DeadlineOutcomeSchema = z.enum(['met', 'late', 'missed', 'not_due']);
export type DeadlineOutcome = z.infer<typeof DeadlineOutcomeSchema>;

/**
 * The AAR's data sections, counted from the incident's records by the mutator (so every desk and the server
 * agree) and stored structured, not as text: the screen and the PDF word them in either language.
 */
export const AarDataSchema = z.object({
  /** When the figures were counted (the draft or the last refresh). */
  asOf: StoredEpochMsSchema,
  closedAt: StoredEpochMsSchema,
  timeline: z.array(AarTimelineEntrySchema),
  /** Log lines beyond the cap, left out of `timeline` (the full log stays in HICS 214). */
  timelineOmitted: count,
  casualties: z.object({
    total: count,
    byCategory: z.object({ immediate: count, delayed: count, minor: count, expectant: count, dead: count }),
    byDisposition: z.object({ in_care: count, discharged: count, admitted: count, surgery: count, transferred: count, morgue: count }),
  }),
  resources: z.object({
    /** Resource requests (213RR) made between declaration and close, by their status now. */
    requests: z.object({ total: count, pending: count, approved: count, rejected: count, partially_filled: count, filled: count }),
    /** Stock issued against requests between declaration and close (HICS 257), summed by item. */
    issued: z.array(z.object({ item: z.string(), qty: z.number() })),
  }),
  /** Board tasks not done when the AAR was counted. */
  openTasks: z.array(z.object({ id: IdSchema, title: z.string(), status: z.string(), section: z.string() })),
  deadlines: z.array(
    z.object({
      id: IdSchema,
      /** A user's title, or `health_authority_report` for the statutory clock (translated by the reader). */
      title: z.string(),
      to: z.string(),
      dueAt: StoredEpochMsSchema,
      reportedAt: StoredEpochMsSchema.optional(),
      outcome: DeadlineOutcomeSchema,
    }),
  ),
});
export type AarData = z.infer<typeof AarDataSchema>;

export const AarTextSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(2000);

/** A strength or an area for improvement (HSEEP AAR), written by a person. */
export const AarItemSchema = z.object({ id: IdSchema, text: AarTextSchema, by: z.string(), at: StoredEpochMsSchema });
export type AarItem = z.infer<typeof AarItemSchema>;

export const AarSignOffSchema = z.object({ at: StoredEpochMsSchema, by: z.string() });
export const AarReopenReasonSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(500);
export const AarReopeningSchema = z.object({ at: StoredEpochMsSchema, by: z.string(), reason: AarReopenReasonSchema, final: AarSignOffSchema });
export type AarReopening = z.infer<typeof AarReopeningSchema>;

/**
 * An incident's after-action report (kind `aar`): one per incident, drafted once it is closed. The data sections
 * are the records' and are re-counted on refresh; the summary, strengths and areas for improvement are the
 * writers' and a refresh never touches them. An exercise's AAR/IP is the same record with the `exercise` sections,
 * drafted once play has ended.
 */
export const AarSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  /**
   * What the report is about: the incident, or for an exercise's AAR/IP the exercise. Corrective actions and the
   * screens address the report by it, so both kinds share the writing, the improvement plan and its plan links.
   */
  incidentId: IdSchema,
  data: AarDataSchema,
  exercise: ExerciseAarSchema.optional(),
  summary: z.string().trim().max(8000),
  strengths: z.array(AarItemSchema),
  improvements: z.array(AarItemSchema),
  createdAt: StoredEpochMsSchema,
  createdBy: z.string(),
  updatedAt: StoredEpochMsSchema,
  /** Who signed the report off, and when; absent while it is a draft. The writers' part is then the record. */
  final: AarSignOffSchema.optional(),
  /** Each time a final report was put back to draft: the sign-off it undid, who, when and why. */
  reopenings: z.array(AarReopeningSchema).max(100).optional(),
});
export type Aar = z.infer<typeof AarSchema>;

/** A final report is the record: its status as a reader names it (DRAFT on every page until then). */
export function aarIsFinal(aar: Pick<Aar, 'final'>): boolean {
  return aar.final !== undefined;
}

/** One AAR per incident, whichever desk drafts it first: two desks drafting offline converge on one row. */
export function aarId(space: string, incidentId: string): string {
  return derivedId(space, 'aar', incidentId);
}

export const CorrectiveActionStatusSchema = z.enum(['open', 'in_progress', 'done', 'verified']);
export type CorrectiveActionStatus = z.infer<typeof CorrectiveActionStatusSchema>;
/** The statuses a writer sets by hand: `verified` is only ever given by a later exercise's rating (correctiveAction.verify). */
export const SettableActionStatusSchema = z.enum(['open', 'in_progress', 'done']);
export type SettableActionStatus = z.infer<typeof SettableActionStatusSchema>;

/** The plan section a corrective action changes. */
export const PlanLinkSchema = z.strictObject({ planId: IdSchema, section: SectionKeySchema });

/**
 * What is to be done about an area for improvement (HSEEP improvement plan): by whom, by when, how far it is, and
 * the plan section it changes. It outlives the incident: the revision of that plan that closes it names it.
 */
export const CorrectiveActionSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  incidentId: IdSchema,
  improvementId: IdSchema,
  action: z.string().trim().min(1, { message: 'must not be empty' }).max(1000),
  owner: z.string().trim().min(1, { message: 'must not be empty' }).max(200),
  dueAt: StoredEpochMsSchema,
  status: CorrectiveActionStatusSchema,
  plan: PlanLinkSchema.optional(),
  /** The plan revision that takes it up (plan.revise); its approval marks the action done. */
  revisionVersionId: IdSchema.optional(),
  doneAt: StoredEpochMsSchema.optional(),
  /**
   * The later exercise whose objective naming this action was rated P or S, by its id only: the exercise lives in
   * its own space, and nothing of it but the id is kept here (HSEEP's closed loop: fixed, then shown to work).
   */
  verifiedInExercise: IdSchema.optional(),
  verifiedAt: StoredEpochMsSchema.optional(),
  verifiedBy: z.string().optional(),
  createdAt: StoredEpochMsSchema,
  createdBy: z.string(),
  updatedAt: StoredEpochMsSchema,
});
export type CorrectiveAction = z.infer<typeof CorrectiveActionSchema>;
