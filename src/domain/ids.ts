import { uuidv7 } from 'uuidv7';
import { z } from 'zod';

/** Records get a UUIDv7 where they are created (time-ordered, so indexes stay compact); never an autoincrement. */
export function newId(): string {
  return uuidv7();
}

export const IdSchema = z.uuid({ message: 'must be a UUID' });

/** A space is a hospital or an exercise: lowercase slug, so it reads well in logs and URLs. */
export const SpaceIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'must be lowercase letters, digits and dashes' });

/** Epoch milliseconds, UTC. Shown in the hospital's time zone by the UI. */
export const EpochMsSchema = z.number().int().nonnegative();
