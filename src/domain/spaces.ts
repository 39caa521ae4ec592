import { z } from 'zod';
import { SpaceIdSchema } from './ids';

/** A hospital's real work, or a drill seeded from it: set on the server when the space is made, never guessed. */
export const SpaceKindSchema = z.enum(['hospital', 'exercise']);
export type SpaceKind = z.infer<typeof SpaceKindSchema>;

export const SpaceNameSchema = z.string().trim().min(1).max(200);

/** A space as the server describes it to the people granted it. */
export const SpaceSchema = z.object({ id: SpaceIdSchema, kind: SpaceKindSchema, name: SpaceNameSchema });
export type Space = z.infer<typeof SpaceSchema>;

/**
 * Whether a space's records are drill data: every screen of one says EXERCISE. Its kind decides, never its name:
 * a hospital may be called "exercise-..." and a drill "drill-2026".
 */
export function isExercise(space: Pick<Space, 'kind'>): boolean {
  return space.kind === 'exercise';
}
