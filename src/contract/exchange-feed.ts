import { z } from 'zod';
import { HaveBedTypeSchema } from '../domain/edxl/have-bed-types';
import { SpaceIdSchema } from '../domain/ids';

/**
 * `GET /api/spaces/:space/have/feed?after=<cursor>`: the bed lines changed in a space after a cursor, for a
 * county system that polls. Each line is in EDXL-HAVE 1.0's terms (bed type, available, baseline, additional
 * within 24 h); the whole current document is `GET /api/spaces/:space/have`. A line appears once, at its
 * latest change; `deleted` lines were removed. Pass `cursor` back as `after`; `more` says another page waits.
 */
export const HaveFeedSchema = z.object({
  space: SpaceIdSchema,
  after: z.number().int().nonnegative(),
  cursor: z.number().int().nonnegative(),
  more: z.boolean(),
  changes: z.array(
    z.object({
      id: z.string(),
      version: z.number().int(),
      deleted: z.boolean(),
      unit: z.string(),
      bedType: HaveBedTypeSchema,
      available: z.number().int(),
      baseline: z.number().int(),
      additional24Hr: z.number().int(),
      updatedAt: z.string(),
    }),
  ),
});
export type HaveFeed = z.infer<typeof HaveFeedSchema>;

export const HaveFeedQuerySchema = z.strictObject({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
