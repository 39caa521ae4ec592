import { z } from 'zod';
import { ExerciseSchema } from '../domain/exercises/exercise';
import { InjectSchema } from '../domain/exercises/injects';
import { SpaceSchema } from '../domain/spaces';

/** The MSEL of the desk's current space: its exercise and injects by number, or why there is none to edit. */
export const MselSchema = z.object({
  space: SpaceSchema,
  /** The space's exercise (the server writes one when it makes an exercise space); null in a hospital's space. */
  exercise: ExerciseSchema.nullable(),
  injects: z.array(InjectSchema),
});
export type Msel = z.infer<typeof MselSchema>;

/** The MSEL editor's read, spread into the workstation API (src/contract/api.ts); edits go through `mutate`. */
export const mselApi = {
  'msel.get': { params: z.strictObject({}), result: MselSchema },
} as const;
