import { z } from 'zod';
import { derivedId, IdSchema, SpaceIdSchema, StoredEpochMsSchema } from '../ids';
import { PositionIdSchema, SectionSchema } from '../hics';
import { ResponseLevelSchema } from '../incidents';

/**
 * A plan activated on an incident (kind `planActivation`). It pins the version in force at that moment: a later
 * approval never changes the checklists of a running incident. `historyIndex` is where the incident's history
 * stood, so escalations after the activation are found in server order rather than by desk clocks.
 */
export const PlanActivationSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  incidentId: IdSchema,
  planId: IdSchema,
  versionId: IdSchema,
  level: ResponseLevelSchema,
  historyIndex: z.number().int().min(0),
  activatedAt: StoredEpochMsSchema,
  activatedBy: z.string(),
});
export type PlanActivation = z.infer<typeof PlanActivationSchema>;

/** WebEOC's states less "blank": an item nobody marked is open; `open` records someone reopening it. */
export const ItemMarkStatusSchema = z.enum(['done', 'na', 'open']);
export type ItemMarkStatus = z.infer<typeof ItemMarkStatusSchema>;

export const ItemMarkSchema = z.object({
  status: ItemMarkStatusSchema,
  at: StoredEpochMsSchema,
  by: z.string(),
  remark: z.string().max(1000).optional(),
});
export type ItemMark = z.infer<typeof ItemMarkSchema>;

/**
 * One position's checklist from an activated plan (kind `positionChecklist`): one record per position, not a
 * card per item. Which items it shows and when they fall due is derived from the pinned version, the incident's
 * level history and the time (checklist-items.ts); the record holds only what people marked.
 */
export const PositionChecklistSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  incidentId: IdSchema,
  activationId: IdSchema,
  planId: IdSchema,
  versionId: IdSchema,
  positionId: PositionIdSchema,
  section: SectionSchema,
  marks: z.record(z.string(), ItemMarkSchema),
  createdAt: StoredEpochMsSchema,
  createdBy: z.string(),
  updatedAt: StoredEpochMsSchema,
});
export type PositionChecklist = z.infer<typeof PositionChecklistSchema>;

/** One activation per plan and incident, whichever desk acts first: two desks activating offline converge. */
export const activationId = (incidentId: string, planId: string): string => derivedId('planActivation', incidentId, planId);
export const positionChecklistId = (activation: string, positionId: string): string => derivedId('positionChecklist', activation, positionId);
