import { z } from 'zod';
import { visibleText } from '../domain/display-text';
import {
  ExerciseCapabilitySchema,
  ExerciseDateSchema,
  ExerciseRoleSchema,
  ExerciseTypeSchema,
} from '../domain/exercises/exercise';
import { PositionIdSchema } from '../domain/hics';
import { IdSchema, SpaceIdSchema } from '../domain/ids';
import { SpaceNameSchema, SpaceSchema } from '../domain/spaces';
import { SyncStatusSchema } from './sync-status';

/** Someone taking part, named by their account; a player plays a HICS position, which injects are addressed to. */
export const ExerciseParticipantInputSchema = z
  .strictObject({
    username: z.string().trim().min(1).max(100),
    role: ExerciseRoleSchema,
    position: PositionIdSchema.optional(),
  })
  .superRefine((participant, ctx) => {
    if (participant.role === 'player' && !participant.position) {
      ctx.addIssue({ code: 'custom', path: ['position'], message: 'a player needs the HICS position they play' });
    }
  });
export type ExerciseParticipantInput = z.infer<typeof ExerciseParticipantInputSchema>;

// ---- POST /api/spaces/:space/exercises (Bearer, exercise.control): the body; also `exercise.setUp`'s params ----
/**
 * An exercise as a facilitator sets it up (HSEEP): what kind, what it sets out to prove, when, and who plays,
 * controls, evaluates and watches. The server makes its space; nobody chooses the space's id or kind.
 */
export const ExerciseSetUpSchema = z
  .strictObject({
    name: visibleText(SpaceNameSchema),
    type: ExerciseTypeSchema,
    objectives: z.array(z.string().trim().min(1).max(1000)).min(1, { message: 'an exercise needs at least one objective' }).max(50),
    capabilities: z.array(ExerciseCapabilitySchema).max(32).default([]),
    date: ExerciseDateSchema,
    participants: z.array(ExerciseParticipantInputSchema).max(500).default([]),
  })
  .superRefine((setUp, ctx) => {
    const seen = new Set<string>();
    setUp.participants.forEach((participant, index) => {
      const key = participant.username.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['participants', index, 'username'], message: `${participant.username} is listed twice` });
      seen.add(key);
    });
  });
export type ExerciseSetUp = z.input<typeof ExerciseSetUpSchema>;

/** The server's answer: the new space (kind `exercise`), the real space it was made from, and who was granted it. */
export const ExerciseSpaceCreatedSchema = z.object({
  space: SpaceSchema,
  sourceSpace: SpaceIdSchema,
  /** The `exercise` record made in the new space, which carries the type, objectives and participants to every desk. */
  exerciseId: IdSchema,
  participants: z.array(z.object({ userId: z.string(), username: z.string(), role: ExerciseRoleSchema, position: z.string().optional() })),
});
export type ExerciseSpaceCreated = z.infer<typeof ExerciseSpaceCreatedSchema>;

/** The workstation's part: set an exercise up from the desk's current space, and move the desk between spaces. */
export const exerciseSpacesApi = {
  /**
   * Asks the server for an exercise space made from the desk's current (real) space; once made, the desk syncs it
   * and lists it among the user's spaces. The desk stays where it is until the user enters the exercise.
   */
  'exercise.setUp': { params: ExerciseSetUpSchema, result: ExerciseSpaceCreatedSchema },
  /**
   * Moves the desk into one of the user's spaces (`sync.status` lists them): every screen then shows that space's
   * records only, and every change made is made in it.
   */
  'space.enter': { params: z.strictObject({ space: SpaceIdSchema }), result: SyncStatusSchema },
} as const;
