import { z } from 'zod';
import { ReplayDraftSchema, ReplayLanguageSchema } from '../domain/exercises/incident-replay';
import { IdSchema, SpaceIdSchema } from '../domain/ids';
import { IncidentTypeSchema } from '../domain/incidents';

/** A closed incident of one of the user's hospital spaces on this desk: what a replay may start from. */
export const ReplaySourceSchema = z.object({
  space: SpaceIdSchema,
  spaceName: z.string(),
  incidentId: IdSchema,
  name: z.string(),
  type: IncidentTypeSchema,
  discoveredAt: z.number(),
  closedAt: z.number(),
});
export type ReplaySourceRow = z.infer<typeof ReplaySourceSchema>;

/** Which incident to replay into the current exercise's MSEL, and in which language its texts are written. */
export const ReplayRequestSchema = z.strictObject({ space: SpaceIdSchema, incidentId: IdSchema, language: ReplayLanguageSchema });

/** What a replay would add: how many injects, the first few, and how many the MSEL has no room for. */
export const ReplayPreviewSchema = z.object({
  total: z.number().int(),
  adding: z.number().int(),
  omitted: z.number().int(),
  /** Log and message texts left behind: names are recorded that this desk may not see to take out. */
  textsWithheld: z.boolean(),
  firstNumber: z.number().int(),
  counts: z.object({ log: z.number(), messages: z.number(), stock: z.number(), beds: z.number(), casualties: z.number() }),
  sample: z.array(ReplayDraftSchema),
});
export type ReplayPreview = z.infer<typeof ReplayPreviewSchema>;

/** Replaying a closed real incident into the current exercise's MSEL (issue 16, item 4). */
export const replayApi = {
  /** Closed incidents of the user's real spaces held on this desk, newest first: the replay's picker. */
  'msel.replaySources': { params: z.strictObject({}), result: z.array(ReplaySourceSchema) },
  /** What replaying the incident would append to the current exercise's MSEL; refused as the replay itself would be. */
  'msel.replayPreview': { params: ReplayRequestSchema, result: ReplayPreviewSchema },
  /**
   * Appends the incident's timeline to the current exercise's draft MSEL through `inject.append` (synced; the
   * server checks it as any MSEL edit). Only a closed incident of a hospital space the user holds.
   */
  'msel.replay': { params: ReplayRequestSchema, result: z.object({ mutationId: z.number(), added: z.number().int(), omitted: z.number().int(), textsWithheld: z.boolean() }) },
} as const;
