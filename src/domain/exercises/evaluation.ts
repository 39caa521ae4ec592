import { z } from 'zod';
import { IdSchema, SpaceIdSchema, StoredEpochMsSchema } from '../ids';
import type { Inject } from './injects';

/** HSEEP's ratings: performed without challenges, with some, with major challenges, unable to be performed. */
export const PerformanceRatingSchema = z.enum(['P', 'S', 'M', 'U']);

/** An evaluator's timestamped observation (kind `evaluatorNote`), tied to an objective and the inject it answers. */
export const EvaluatorNoteSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  exerciseId: IdSchema,
  kind: z.enum(['strength', 'improvement', 'note']),
  text: z.string().trim().min(1).max(4000),
  objectiveId: z.string().min(1).max(40).optional(),
  injectNumber: z.number().int().min(1).optional(),
  /** The HICS position the observation is about (as the participants list names it). */
  position: z.string().trim().min(1).max(100).optional(),
  at: StoredEpochMsSchema,
  exerciseAt: z.number().min(0),
  by: z.string(),
});
export type EvaluatorNote = z.infer<typeof EvaluatorNoteSchema>;

/** One evaluator's rating of one objective (kind `objectiveRating`); rating again replaces it, keeping the first. */
export const ObjectiveRatingSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  exerciseId: IdSchema,
  objectiveId: z.string().min(1).max(40),
  rating: PerformanceRatingSchema,
  rationale: z.string().trim().min(1).max(4000),
  by: z.string(),
  at: StoredEpochMsSchema,
  previous: z.array(z.object({ rating: PerformanceRatingSchema, at: StoredEpochMsSchema })),
});
export type ObjectiveRating = z.infer<typeof ObjectiveRatingSchema>;

/**
 * What a participant said at the hot wash (kind `hotwashNote`): a strength or an area for improvement, heard from
 * everyone who took part right after play ends, before the evaluators' report.
 */
export const HotwashNoteSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  exerciseId: IdSchema,
  kind: z.enum(['strength', 'improvement']),
  text: z.string().trim().min(1).max(2000),
  by: z.string(),
  at: StoredEpochMsSchema,
});
export type HotwashNote = z.infer<typeof HotwashNoteSchema>;

/** How long the players took over one delivered inject: to see it, and to act on it (the AAR/IP's inject → action times). */
export type InjectResponse = {
  number: number;
  subject: string;
  to: string;
  deliveredAt: number;
  deliveredAtExercise: number;
  /** Real ms from delivery to the first acknowledgement; undefined while nobody has. */
  acknowledgeMs?: number;
  /** Real ms from delivery to the first report of action; undefined while nobody has acted. */
  actionMs?: number;
  actedOnBy?: string;
  actedOnNote?: string;
};

/**
 * Each delivered inject's times to acknowledgement and to action, in MSEL order; injects never delivered (pending,
 * skipped) have no time to measure and are left out. Real time, not exercise time: a pause or a jump between
 * delivery and action would otherwise shorten or lengthen what the players really took.
 */
export function injectResponses(injects: readonly Inject[]): InjectResponse[] {
  return injects
    .filter((i) => i.status === 'delivered' && i.deliveredAt !== undefined)
    .sort((a, b) => a.number - b.number)
    .map((i) => {
      const deliveredAt = i.deliveredAt ?? 0;
      return {
        number: i.number,
        subject: i.subject,
        to: i.to,
        deliveredAt,
        deliveredAtExercise: i.deliveredAtExercise ?? 0,
        ...(i.acknowledgedAt !== undefined ? { acknowledgeMs: Math.max(0, i.acknowledgedAt - deliveredAt) } : {}),
        ...(i.actedOnAt !== undefined ? { actionMs: Math.max(0, i.actedOnAt - deliveredAt), ...(i.actedOnBy ? { actedOnBy: i.actedOnBy } : {}), ...(i.actedOnNote ? { actedOnNote: i.actedOnNote } : {}) } : {}),
      };
    });
}

/** A duration as minutes:seconds ("12:05"), as the AAR/IP and the evaluator's pad print inject → action times. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
