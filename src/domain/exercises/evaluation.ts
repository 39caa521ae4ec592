import { z } from 'zod';
import { IdSchema, SpaceIdSchema, StoredEpochMsSchema } from '../ids';

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
