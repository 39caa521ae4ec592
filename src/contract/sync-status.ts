import { z } from 'zod';
import { domainErrorCodes } from '../domain/errors';
import { SpaceSchema } from '../domain/spaces';
import { ErrorParamsSchema } from './errors';

export const RejectedChangeSchema = z.object({
  mutationId: z.number().int(),
  name: z.string(),
  args: z.unknown(),
  code: z.enum(domainErrorCodes).or(z.string()),
  message: z.string(),
  /** The numbers and names behind the refusal, when the server sent them (`errorDetails.<code>` shows them). */
  params: ErrorParamsSchema.optional(),
  at: z.number().int(),
});
export type RejectedChange = z.infer<typeof RejectedChangeSchema>;

export const SyncStatusSchema = z.object({
  /** `standalone`: no hospital server configured; work stays on this workstation. */
  connection: z.enum(['standalone', 'offline', 'connecting', 'online']),
  syncing: z.boolean(),
  pending: z.number().int().nonnegative(),
  lastSyncedAt: z.number().int().nullable(),
  rejected: z.array(RejectedChangeSchema),
  /** Set when the server speaks a newer schema: pending work is kept, the user is told to update. */
  updateRequired: z.boolean(),
  /** The server no longer accepts this workstation's token: work is kept, someone must log in again. */
  needsLogin: z.boolean(),
  lastError: z.string().nullable(),
  serverUrl: z.string().nullable(),
  /** The space this desk works in, as the server last described it: its kind decides the EXERCISE banner. */
  space: SpaceSchema,
  /** Who this workstation is logged in as on the hospital server. */
  user: z.object({ username: z.string(), displayName: z.string(), roles: z.array(z.string()) }).nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;
