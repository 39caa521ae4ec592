import { z } from 'zod';
import { ExerciseRoleSchema, ExerciseSchema } from '../domain/exercises/exercise';
import { InjectSchema } from '../domain/exercises/injects';
import { EvaluatorNoteSchema, HotwashNoteSchema, ObjectiveRatingSchema } from '../domain/exercises/evaluation';
import { SpaceSchema } from '../domain/spaces';

/** The MSEL of the desk's current space: its exercise and injects by number, or why there is none to edit. */
export const MselSchema = z.object({
  space: SpaceSchema,
  /** The space's exercise (the server writes one when it makes an exercise space); null in a hospital's space. */
  exercise: ExerciseSchema.nullable(),
  injects: z.array(InjectSchema),
  /** Whether this user may read the scenario (scenario-visibility.ts): players see only delivered injects, and no editor. */
  seesScenario: z.boolean(),
});
export type Msel = z.infer<typeof MselSchema>;

/**
 * The evaluation of the current space's exercise: the MSEL with its delivery times, the evaluators' notes and
 * ratings (for those who see the scenario; empty for players), and the hot wash, which is everyone's.
 */
export const EvaluationSchema = z.object({
  exercise: ExerciseSchema.nullable(),
  role: ExerciseRoleSchema.nullable(),
  seesScenario: z.boolean(),
  injects: z.array(InjectSchema),
  notes: z.array(EvaluatorNoteSchema),
  ratings: z.array(ObjectiveRatingSchema),
  hotwash: z.array(HotwashNoteSchema),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;

/**
 * A player's side of the exercise: the injects delivered to the position this user plays (or to all), newest
 * first. Injects not yet delivered are never in it, so a player's screen cannot give the scenario away.
 */
export const ExerciseInboxSchema = z.object({
  exercise: ExerciseSchema.nullable(),
  role: ExerciseRoleSchema.nullable(),
  /** Whether this user runs the exercise (the facilitator's permission or a controller's role): the console is theirs. */
  controls: z.boolean(),
  position: z.string().nullable(),
  injects: z.array(InjectSchema),
});
export type ExerciseInbox = z.infer<typeof ExerciseInboxSchema>;

/** The MSEL editor's read, spread into the workstation API (src/contract/api.ts); edits go through `mutate`. */
export const mselApi = {
  'msel.get': { params: z.strictObject({}), result: MselSchema },
  'exercise.inbox': { params: z.strictObject({}), result: ExerciseInboxSchema },
  'evaluation.get': { params: z.strictObject({}), result: EvaluationSchema },
} as const;
