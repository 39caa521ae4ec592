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

/**
 * Something the desk did on its own to keep everyone's work, that its user must hear of (issue 11):
 * - `desk_copy`: this desk's file was restored from an older copy, or copied to another desk: its numbering
 *   clashed with work the server already had, so it took a new client id and sent its pending work again.
 * - `server_restored`: the hospital server was restored from a backup: the desk pulled the affected spaces again
 *   and re-sent `count` changes the server had lost.
 * - `changes_lost`: the server lost changes older than this desk keeps (SENT_LOG_DAYS): they could not be re-sent.
 * - `server_replaced`: the server answers from another database: the desk pulled everything again and sent its
 *   pending work; changes already confirmed by the old database were not sent to the new one.
 */
export const SyncNoticeSchema = z.object({
  kind: z.enum(['desk_copy', 'server_restored', 'changes_lost', 'server_replaced']),
  at: z.number().int(),
  count: z.number().int().nonnegative(),
});
export type SyncNotice = z.infer<typeof SyncNoticeSchema>;

/** Why a change is held: the server's answer to the smallest push that still carried it. */
export const StuckReasonSchema = z.object({ status: z.number().int(), code: z.string(), message: z.string() });
export type StuckReason = z.infer<typeof StuckReasonSchema>;

/**
 * A change held on this desk because the server refused every push that carried it, as a whole (a 4xx such as a
 * body its schema does not take), or failed on it again and again (a repeated 5xx): the changes behind it went on.
 * It stays applied here until an operator retries it (`sync.retryStuck`) or discards it (`sync.discardStuck`).
 */
export const StuckChangeSchema = z.object({
  mutationId: z.number().int(),
  name: z.string(),
  /** When it was made (the desk's clock). */
  at: z.number().int(),
  heldAt: z.number().int(),
  /** Whole-push failures it led before it was held. */
  attempts: z.number().int().nonnegative(),
  reason: StuckReasonSchema,
});
export type StuckChange = z.infer<typeof StuckChangeSchema>;

/** The `changed` event kind the workstation emits when its held changes change (the live read `sync.stuck`). */
export const STUCK_CHANGED_KIND = 'syncStuck';

/** Pending work of a user who is not logged in on this desk: it waits for them, or for `sync.handOver`. */
export const WaitingWorkSchema = z.object({ userId: z.string(), displayName: z.string(), count: z.number().int().positive() });
export type WaitingWork = z.infer<typeof WaitingWorkSchema>;

export const SyncStatusSchema = z.object({
  /** `standalone`: no hospital server configured; work stays on this workstation. */
  connection: z.enum(['standalone', 'offline', 'connecting', 'online']),
  syncing: z.boolean(),
  pending: z.number().int().nonnegative(),
  /** Changes held because no push could carry them (not in `pending`): `sync.stuck` lists them. */
  stuck: z.number().int().nonnegative(),
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
  /**
   * The spaces the logged-in user may work in (a hospital and the exercises made from it), as the server last
   * described them: `space.enter` takes one of these. Standalone, only the desk's own space.
   */
  spaces: z.array(SpaceSchema),
  /** Who this workstation is logged in as on the hospital server. */
  user: z.object({ username: z.string(), displayName: z.string(), roles: z.array(z.string()) }).nullable(),
  /** Included in `pending`, but not sent until its author logs in here (or it is handed over). */
  waiting: z.array(WaitingWorkSchema),
  /** Until dismissed (`sync.dismissNotices`). */
  notices: z.array(SyncNoticeSchema),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;
