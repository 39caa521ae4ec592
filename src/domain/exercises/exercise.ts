import { z } from 'zod';
import { IdSchema, SpaceIdSchema, StoredEpochMsSchema } from '../ids';
import { can, type Actor } from '../roles';

/** HSEEP's seven types: four discussion-based, three operations-based (HSEEP 2020). */
export const ExerciseTypeSchema = z.enum(['seminar', 'workshop', 'tabletop', 'game', 'drill', 'functional', 'full_scale']);
export const ExerciseRoleSchema = z.enum(['player', 'controller', 'evaluator', 'observer']);
export type ExerciseRole = z.infer<typeof ExerciseRoleSchema>;

export const ParticipantSchema = z.object({
  userId: z.string().min(1).max(100),
  role: ExerciseRoleSchema,
  /** The HICS position a player holds in the exercise (injects are addressed to positions). */
  position: z.string().trim().max(100).optional(),
});

/** A critical task of an objective's Exercise Evaluation Guide: what the evaluator watches for (HSEEP EEG). */
export const CriticalTaskSchema = z.string().trim().min(1).max(500);

export const ExerciseObjectiveSchema = z.object({
  id: z.string().min(1).max(40),
  text: z.string().trim().min(1).max(1000),
  capability: z.string().trim().max(200),
  /** The objective's EEG: the critical tasks an evaluator rates it against. */
  criticalTasks: z.array(CriticalTaskSchema).max(20).optional(),
  /**
   * Corrective actions of the real space this objective puts to the test, by id only: the exercise space holds no
   * text of the real space's records, so naming them shows a player nothing of it (correctiveAction.verify).
   */
  verifies: z.array(IdSchema).max(20).optional(),
});

export const ExerciseCapabilitySchema = z.string().trim().min(1).max(200);
export const ExerciseDateSchema = z.iso.date();

/** draft → running ⇄ paused → ended; a draft may be cancelled. */
export const ExerciseStatusSchema = z.enum(['draft', 'running', 'paused', 'ended', 'cancelled']);
export type ExerciseStatus = z.infer<typeof ExerciseStatusSchema>;

/**
 * An exercise (kind `exercise`), held in its own exercise space so nothing of it reaches live data. The clock is
 * kept as the moments it changed, not as a ticking value: every desk computes the same exercise time from them.
 */
export const ExerciseSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  name: z.string().trim().min(1).max(200),
  type: ExerciseTypeSchema,
  hazard: z.string().trim().max(200),
  objectives: z.array(ExerciseObjectiveSchema).max(50),
  /** The core capabilities the exercise tests (HSEEP), beside the objectives that name one each. */
  capabilities: z.array(ExerciseCapabilitySchema).max(32).optional(),
  /** The day it is held (YYYY-MM-DD, the hospital's calendar). */
  date: ExerciseDateSchema.optional(),
  participants: z.array(ParticipantSchema).max(500),
  /** The exercise's own incident, in its space: where delivered messages and player actions land. */
  incidentId: IdSchema.optional(),
  status: ExerciseStatusSchema,
  /** Exercise minutes per real minute (1 in a tabletop; a drill may run faster). */
  speed: z.number().min(0.25).max(60),
  startedAt: StoredEpochMsSchema.optional(),
  pausedAt: StoredEpochMsSchema.optional(),
  /** Real time spent paused so far, not counting a pause under way. */
  pausedMs: z.number().min(0),
  /** What the controllers moved the clock by ("jump to T+2 h"), in exercise time. */
  jumpedMs: z.number(),
  /** "This is a real-world emergency": play stopped everywhere, and why. Cleared only by resuming on purpose. */
  realWorldStop: z.object({ at: StoredEpochMsSchema, by: z.string(), reason: z.string().trim().min(1).max(500) }).optional(),
  endedAt: StoredEpochMsSchema.optional(),
  updatedAt: StoredEpochMsSchema,
});
export type Exercise = z.infer<typeof ExerciseSchema>;

/**
 * Exercise time in ms since the start (T+): (real time since the start − time paused) × speed + jumps. Stands
 * still while paused or ended; 0 before the start.
 */
export function exerciseTime(exercise: Exercise, now: number): number {
  if (exercise.startedAt === undefined) return 0;
  const until = exercise.status === 'paused' ? (exercise.pausedAt ?? now) : exercise.status === 'ended' ? (exercise.endedAt ?? now) : now;
  return Math.max(0, (until - exercise.startedAt - exercise.pausedMs) * exercise.speed + exercise.jumpedMs);
}

/** "T+01:05" for an exercise time, as the controller console and the MSEL show it ("T+01:05:30" with seconds). */
export function formatExerciseTime(ms: number, withSeconds = false): string {
  const minutes = Math.floor(ms / 60_000);
  const text = `T+${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return withSeconds ? `${text}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')}` : text;
}

/** An exercise ended or cancelled: play is over, and its MSEL is the record the evaluation reads. */
export function exerciseOver(exercise: Pick<Exercise, 'status'>): boolean {
  return exercise.status === 'ended' || exercise.status === 'cancelled';
}

export function participantRole(exercise: Exercise, userId: string): ExerciseRole | undefined {
  return exercise.participants.find((p) => p.userId === userId)?.role;
}

/** Who runs the exercise (delivers and skips injects): the facilitator's permission, or a controller's role in it. */
export function controlsExercise(exercise: Exercise, actor: Actor): boolean {
  return can(actor, 'exercise.control') || participantRole(exercise, actor.userId) === 'controller';
}
